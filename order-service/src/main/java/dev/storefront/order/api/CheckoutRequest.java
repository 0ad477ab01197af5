package dev.storefront.order.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Place an order for the lines of a cart. Exactly one of {@code shippingAddress} and {@code addressId} is given. There
 * is deliberately no price anywhere: prices come from the published catalog.
 */
@Schema(name = "CheckoutRequest")
public record CheckoutRequest(
        @NotNull UUID cartId,
        @Valid ShippingAddress shippingAddress,

        @Schema(description = "An address from the shopper's address book in account-service")
        UUID addressId) {

    @JsonIgnore
    @Schema(hidden = true)
    @AssertTrue(message = "give exactly one of shippingAddress and addressId") public boolean isOneAddress() {
        return (shippingAddress == null) != (addressId == null);
    }
}
