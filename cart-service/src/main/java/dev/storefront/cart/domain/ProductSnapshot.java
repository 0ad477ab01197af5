package dev.storefront.cart.domain;

/** What a line remembers of a product when the shopper sets its quantity: the price they agreed to. */
public record ProductSnapshot(String sku, String name, long unitPrice, String currency) {}
