package dev.storefront.order.api;

import dev.storefront.defaults.validation.CountryCode;
import dev.storefront.order.domain.Address;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to ship an order. */
@Schema(name = "ShippingAddress")
public record ShippingAddress(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 20) String postalCode,

        @Schema(description = "ISO 3166-1 alpha-2, upper case", example = "DE") @NotNull @CountryCode
        String country) {

    Address toAddress() {
        return Address.of(name, line1, line2, city, postalCode, country);
    }

    static ShippingAddress of(Address a) {
        return new ShippingAddress(a.name, a.line1, a.line2, a.city, a.postalCode, a.country);
    }
}
