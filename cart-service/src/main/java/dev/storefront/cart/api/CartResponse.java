package dev.storefront.cart.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cart as the shopper sees it, priced from the published catalog. All amounts are integer minor units (cents). */
@Schema(name = "Cart")
public record CartResponse(
        UUID id,

        @Schema(
                description = "The secret cart token; only in the response that created an anonymous cart."
                        + " Send it back as header X-Cart-Token.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String token,

        @Schema(description = "True when the cart belongs to a signed-in shopper")
        boolean signedIn,

        List<Line> lines,

        @Schema(description = "Sum of the available lines, one entry per currency")
        List<Total> totals,

        @Schema(description = "Number of items over all lines")
        int itemCount,

        Instant updatedAt,

        @Schema(description = "When the cart is purged unless it changes before")
        Instant expiresAt) {

    public CartResponse withToken(String token) {
        return new CartResponse(id, token, signedIn, lines, totals, itemCount, updatedAt, expiresAt);
    }

    @Schema(name = "CartLine")
    public record Line(
            String sku,
            String name,
            int quantity,

            @Schema(description = "Current unit price from the catalog, minor units")
            long unitPrice,

            String currency,

            @Schema(description = "unitPrice x quantity, minor units")
            long lineTotal,

            @Schema(description = "The current price differs from the one when the quantity was last set")
            boolean priceChanged,

            @Schema(
                    description = "False when the product is inactive, out of stock or gone from the catalog;"
                            + " such lines are not in the totals")
            boolean available) {}

    @Schema(name = "CartTotal")
    public record Total(String currency, long amount) {}
}
