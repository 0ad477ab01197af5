package dev.storefront.catalog.domain;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A product before and after one committed change: empty before = created, empty after = deleted. {@code searchId} is
 * the product's number in the search index when the change knew it (a deleted product's can no longer be looked up).
 */
public record ProductChange(Optional<ProductData> before, Optional<ProductData> after, OptionalLong searchId) {
    public ProductChange(Optional<ProductData> before, Optional<ProductData> after) {
        this(before, after, OptionalLong.empty());
    }

    public ProductData current() {
        return after.or(() -> before).orElseThrow();
    }
}
