package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.CategoryData;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as an admin creates or replaces it; {@code position} orders the home page. */
@Schema(name = "Category")
public record CategoryInput(
        @NotNull @Size(max = 60) @Pattern(regexp = ProductInput.SLUG, message = "must be lower-case words joined by dashes") String slug,

        @NotBlank @Size(max = 120) String name,
        @Size(max = 2000) String description,
        @Min(0) @Max(10_000) Integer position) {

    CategoryData toData() {
        return new CategoryData(
                slug, name.strip(), description == null ? "" : description.strip(), position == null ? 0 : position);
    }

    static CategoryInput of(CategoryData c) {
        return new CategoryInput(c.slug(), c.name(), c.description(), c.position());
    }
}
