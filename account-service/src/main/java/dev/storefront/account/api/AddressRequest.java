package dev.storefront.account.api;

import dev.storefront.account.domain.AddressBook;
import dev.storefront.defaults.validation.CountryCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An address to store; the same shape order-service accepts as {@code shippingAddress}. */
public record AddressRequest(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 20) String postalCode,

        @Schema(description = "ISO 3166-1 alpha-2 country code, e.g. DE", example = "DE") @NotBlank @CountryCode
        String country) {
    public AddressRequest {
        // Blank is only @NotBlank's to report, not also an unknown country.
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
    }

    AddressBook.Fields fields() {
        return new AddressBook.Fields(name, line1, line2, city, postalCode, country);
    }
}
