package dev.storefront.catalog.domain;

import java.time.Instant;

/**
 * The little of an active product that places it in its category's listing (name, then sku) and in the sitemap
 * (slug, last change): read for a whole category without loading the products themselves.
 */
public record ListedProduct(String sku, String name, String slug, Instant updatedAt) {}
