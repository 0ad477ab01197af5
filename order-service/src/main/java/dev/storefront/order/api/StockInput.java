package dev.storefront.order.api;

import dev.storefront.order.domain.Stock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What admins send to change stock. */
public final class StockInput {
    /** The catalog's sku format (catalog-publisher's contract). */
    static final String SKU = "[A-Z0-9][A-Z0-9-]{2,39}";

    static final String SKU_MESSAGE = "must be 3-40 upper-case letters, digits or dashes";
    static final int MAX_QUANTITY = Stock.MAX_QUANTITY;

    private StockInput() {}

    @Schema(name = "StockQuantity", description = "How many can still be sold")
    public record Quantity(
            @NotNull @Min(0) @Max(MAX_QUANTITY) Integer available) {}

    @Schema(name = "StockAdjustment", description = "Added to what is available; negative takes away")
    public record Adjustment(
            @NotNull @Min(-MAX_QUANTITY) @Max(MAX_QUANTITY) Integer delta) {}

    @Schema(name = "StockItem")
    public record Item(
            @NotNull @Pattern(regexp = SKU, message = SKU_MESSAGE) String sku,

            @NotNull @Min(0) @Max(MAX_QUANTITY) Integer available) {}

    @Schema(name = "StockBulk", description = "Sets every listed sku at once, all or none")
    public record Bulk(@NotEmpty List<@NotNull @Valid Item> items) {}
}
