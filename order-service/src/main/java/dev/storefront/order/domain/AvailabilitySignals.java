package dev.storefront.order.domain;

import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Writes "sku is now sold out / back in stock" for the storefront, in the transaction of the stock change that crossed
 * zero; {@link AvailabilityRelay} delivers it to catalog-publisher. One row per sku: a newer signal replaces one not
 * yet delivered (and a late writer of an older version changes nothing), so catalog-publisher only ever needs the
 * latest, and applies it by {@code version}.
 */
final class AvailabilitySignals {
    /** Appended to an INSERT of (sku, sold_out, version, state, attempts, next_attempt_at, updated_at). */
    static final String ON_CONFLICT = """
            ON CONFLICT (sku) DO UPDATE SET sold_out = EXCLUDED.sold_out, version = EXCLUDED.version,
                state = 'PENDING', attempts = 0, next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL,
                updated_at = EXCLUDED.updated_at
            WHERE availability_signal.version < EXCLUDED.version""";

    private AvailabilitySignals() {}

    static void record(EntityManager entityManager, String sku, boolean soldOut, long version, Instant now) {
        entityManager
                .createNativeQuery("INSERT INTO availability_signal"
                        + " (sku, sold_out, version, state, attempts, next_attempt_at, updated_at)"
                        + " VALUES (:sku, :soldOut, :version, 'PENDING', 0, :now, :now) " + ON_CONFLICT)
                .setParameter("sku", sku)
                .setParameter("soldOut", soldOut)
                .setParameter("version", version)
                .setParameter("now", now)
                .executeUpdate();
    }
}
