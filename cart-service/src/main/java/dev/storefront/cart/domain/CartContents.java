package dev.storefront.cart.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A detached, immutable copy of a cart, safe to use after its transaction ended. */
public record CartContents(UUID id, boolean signedIn, List<Line> lines, Instant updatedAt) {
    /** A line as stored: the price is the one last seen by the shopper, in minor units. */
    public record Line(String sku, int quantity, long seenUnitPrice, String currency, String name) {}
}
