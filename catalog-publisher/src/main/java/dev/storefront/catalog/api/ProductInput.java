package dev.storefront.catalog.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.domain.StockStatus;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product as an admin creates or replaces it. Absent images mean "generate one from the product's data". Whether it
 * is sold out is order-service's to say, not the admin's: a replacement keeps it.
 */
@Schema(name = "ProductInput")
public record ProductInput(
        @NotNull @Pattern(regexp = SKU, message = "must be 3-40 upper-case letters, digits or dashes") String sku,

        @NotNull @Size(max = 80) @Pattern(regexp = SLUG, message = "must be lower-case words joined by dashes") String slug,

        @NotBlank @Size(max = 200) String name,
        @Size(max = 5000) String description,

        @NotNull @PositiveOrZero @Max(100_000_000) @Schema(description = "In minor units of the currency, e.g. cents")
        Long price,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,

        @NotNull @Pattern(regexp = SLUG, message = "must be a category slug") String category,

        @Size(max = 10) List<@NotNull @Pattern(regexp = IMAGE_KEY, message = "must be an image key under images/") String> images,

        @Size(max = 50) Map<@NotBlank @Size(max = 60) String, @NotNull @Size(max = 200) String> attributes,
        @NotNull Boolean active,
        @NotNull StockStatus stockStatus) {

    static final String SKU = "[A-Z0-9][A-Z0-9-]{2,39}";
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String IMAGE_KEY = "images/[a-z0-9][a-z0-9/_.-]*\\.(svg|png|jpg|jpeg|webp)";

    @JsonIgnore
    @AssertTrue(message = "currency must be a known ISO 4217 code") public boolean isKnownCurrency() {
        try {
            return currency == null || Currency.getInstance(currency) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    ProductData toData() {
        return new ProductData(
                sku,
                slug,
                name.strip(),
                description == null ? "" : description.strip(),
                price,
                currency,
                category,
                images == null ? List.of() : images,
                attributes == null ? Map.of() : attributes,
                active,
                stockStatus,
                false,
                null);
    }
}
