package dev.storefront.order.domain;

/**
 * Where an order is in its life. Today: {@code PLACED → CANCELLED} (by the owner, only while placed). {@code PAID} and
 * {@code SHIPPED} are reserved for payment and fulfilment ({@code PLACED → PAID → SHIPPED}); nothing sets them yet.
 */
public enum OrderStatus {
    PLACED,
    CANCELLED,
    PAID,
    SHIPPED
}
