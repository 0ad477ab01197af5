package dev.storefront.order.domain;

/** A cart line whose price differs from the published one: what the shopper saw and what it costs now. */
public record PriceChange(String sku, long cartPrice, long currentPrice, String cartCurrency, String currency) {}
