package dev.storefront.order.domain;

/** A line of a checkout that asks for more than is left: {@code left} is what can still be bought of {@code sku}. */
public record Shortage(String sku, String name, int requested, int left) {}
