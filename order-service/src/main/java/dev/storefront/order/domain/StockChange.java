package dev.storefront.order.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited change of a sku's stock: set or adjusted by an admin, or given back by a cancelled order.
 *
 * @param before null when the sku was not tracked before
 * @param changedBy the admin's account id, or the customer who cancelled
 * @param orderId the cancelled order, else null
 */
public record StockChange(
        String sku, Reason reason, Integer before, int after, UUID changedBy, UUID orderId, Instant changedAt) {
    public enum Reason {
        SET,
        ADJUSTED,
        CANCELLED
    }
}
