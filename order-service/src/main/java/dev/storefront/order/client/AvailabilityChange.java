package dev.storefront.order.client;

/**
 * Body of catalog-publisher's {@code POST /api/catalog/availability}: whether {@code sku} is sold out, as of stock
 * version {@code version} (order-service's own record of catalog-publisher's API; it ignores versions it has passed).
 */
public record AvailabilityChange(String sku, boolean soldOut, long version) {}
