package dev.storefront.cart.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/carts/{id}/clear} (order-service, after a checkout): the order and the lines it bought.
 * Only those quantities leave the cart.
 */
public record ClearRequest(
        @Schema(description = "The order whose checkout this clear follows") @NotNull UUID order,

        @Schema(description = "What the order bought from this cart") @NotNull @Size(max = 100) List<@Valid @NotNull Line> lines) {

    /** One ordered line: {@code quantity} of {@code sku}. */
    public record Line(
            @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String sku,

            @Schema(minimum = "1", maximum = "99") @NotNull @Min(1) @Max(99) Integer quantity) {}
}
