package dev.storefront.order.domain;

import java.time.Instant;

/** How many of a tracked sku can still be sold; {@code version} grows with every change. */
public record StockLevel(String sku, int available, long version, Instant updatedAt) {
    /** Whether {@code available} (null: not tracked) means the storefront shows the product as sold out. */
    static boolean soldOut(Integer available) {
        return available != null && available == 0;
    }
}
