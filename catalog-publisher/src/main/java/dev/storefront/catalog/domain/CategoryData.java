package dev.storefront.catalog.domain;

/** An immutable snapshot of a category, safe to hand to rendering threads. */
public record CategoryData(String slug, String name, String description, int position) {}
