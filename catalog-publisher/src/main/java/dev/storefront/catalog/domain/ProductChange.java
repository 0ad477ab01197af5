package dev.storefront.catalog.domain;

import java.util.Optional;

/** A product before and after one committed change: empty before = created, empty after = deleted. */
public record ProductChange(Optional<ProductData> before, Optional<ProductData> after) {
    public ProductData current() {
        return after.or(() -> before).orElseThrow();
    }
}
