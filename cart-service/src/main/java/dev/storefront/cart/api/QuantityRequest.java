package dev.storefront.cart.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/carts/{id}/items/{sku}}: the line's new quantity (not an increment). */
public record QuantityRequest(
        @Schema(minimum = "1", maximum = "99", examples = "2") @NotNull @Min(1) @Max(99) Integer quantity) {}
