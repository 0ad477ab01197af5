package dev.storefront.catalog.publish;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Running counts of one publish, shared by the upload threads. */
final class Tally {
    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger unchanged = new AtomicInteger();
    final AtomicInteger deleted = new AtomicInteger();
    /** Every key the catalog produced in this publish, written or not. */
    final Set<String> produced = ConcurrentHashMap.newKeySet();
}
