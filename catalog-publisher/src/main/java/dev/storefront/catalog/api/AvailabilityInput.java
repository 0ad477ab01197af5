package dev.storefront.catalog.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** order-service's word on one product: whether none is left to sell, as of its stock version of that sku. */
@Schema(name = "AvailabilityInput")
public record AvailabilityInput(
        @NotNull @Pattern(regexp = ProductInput.SKU, message = "must be 3-40 upper-case letters, digits or dashes") String sku,

        @NotNull Boolean soldOut,

        @NotNull @PositiveOrZero @Schema(description = "order-service's stock version of the sku; it only grows")
        Long version) {}
