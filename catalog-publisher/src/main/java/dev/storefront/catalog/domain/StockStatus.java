package dev.storefront.catalog.domain;

/** Availability as shoppers see it; part of the published JSON contract. */
public enum StockStatus {
    IN_STOCK,
    LOW_STOCK,
    OUT_OF_STOCK
}
