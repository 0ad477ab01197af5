package dev.storefront.order.client;

import java.util.List;
import java.util.UUID;

/**
 * Body of cart-service's {@code POST /api/carts/{id}/clear}: the order and what it bought from the cart, so only that
 * leaves the cart (order-service's own record of cart-service's API).
 */
public record CartClear(UUID order, List<Line> lines) {
    public record Line(String sku, int quantity) {}
}
