package dev.storefront.order.api;

import dev.storefront.order.config.OrderConfig;
import dev.storefront.order.domain.OrderRuleException;
import dev.storefront.order.domain.Stock;
import dev.storefront.order.domain.StockLevel;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stock: how many of a sku can still be sold. It lives with the orders because the checkout reserves it in the
 * transaction that stores the order. Admins set and adjust it (each change audited); shoppers may ask how many are
 * left of a few skus, told exactly only when few are. A sku that was never set is not tracked and sells while the
 * catalog lists it.
 */
@Path("/api/orders/stock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "stock")
public class StockResource {
    /** The most skus one shopper's question may name (a cart holds at most 50 lines). */
    static final int MAX_ASKED = 50;

    private final Stock stock;
    private final Caller caller;
    private final OrderConfig.Stock config;

    public StockResource(Stock stock, Caller caller, OrderConfig config) {
        this.stock = stock;
        this.caller = caller;
        this.config = config.stock();
    }

    @GET
    @PermitAll
    @Operation(
            summary = "How many are left of some skus (public)",
            description = "Per sku, `left` is the number left when it is tracked and few are left (at or below the low"
                    + " threshold, 5 by default), else null: plenty, or not tracked. 0 means sold out.")
    @APIResponse(responseCode = "400", description = "No sku, more than 50, or a malformed one")
    public StockView.Left left(@QueryParam("sku") List<@Pattern(regexp = StockInput.SKU) String> skus) {
        TreeSet<String> asked = new TreeSet<>(skus == null ? List.of() : skus);
        if (asked.isEmpty() || asked.size() > MAX_ASKED) {
            throw new BadRequestException("Give 1 to " + MAX_ASKED + " sku query parameters");
        }
        Map<String, StockLevel> levels = stock.levels(asked);
        return new StockView.Left(asked.stream()
                .map(sku -> {
                    StockLevel level = levels.get(sku);
                    boolean few = level != null && level.available() <= config.lowThreshold();
                    return new StockView.Left.Item(sku, few ? level.available() : null);
                })
                .toList());
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed("admin")
    @Operation(summary = "A tracked sku's stock and its latest 50 audited changes (admin)")
    @APIResponse(responseCode = "404", description = "The sku's stock is not tracked")
    public StockView get(@PathParam("sku") @Pattern(regexp = StockInput.SKU) String sku) {
        StockLevel level = stock.level(sku).orElseThrow(() -> OrderRuleException.stockNotTracked(sku));
        return StockView.of(level, stock.changes(sku, 50));
    }

    @PUT
    @Path("/{sku}")
    @RolesAllowed("admin")
    @Operation(
            summary = "Set how many of a sku can be sold (admin)",
            description = "Starts tracking an untracked sku. Racing checkouts may sell between reading and setting:"
                    + " to book in a delivery, adjust instead.")
    public StockView set(
            @PathParam("sku") @Pattern(regexp = StockInput.SKU, message = StockInput.SKU_MESSAGE) String sku,
            @Valid @NotNull StockInput.Quantity quantity) {
        return StockView.of(stock.set(sku, quantity.available(), caller.customerId()));
    }

    @POST
    @Path("/{sku}/adjustments")
    @RolesAllowed("admin")
    @Operation(summary = "Add to (or, negative, take from) a tracked sku's stock (admin)")
    @APIResponse(responseCode = "404", description = "The sku's stock is not tracked")
    @APIResponse(responseCode = "409", description = "The adjustment would leave less than zero or more than 10^9")
    public StockView adjust(
            @PathParam("sku") @Pattern(regexp = StockInput.SKU, message = StockInput.SKU_MESSAGE) String sku,
            @Valid @NotNull StockInput.Adjustment adjustment) {
        return StockView.of(stock.adjust(sku, adjustment.delta(), caller.customerId()));
    }

    @PUT
    @RolesAllowed("admin")
    @Operation(summary = "Set the stock of many skus at once, all or none (admin)")
    @APIResponse(responseCode = "400", description = "Invalid, repeated or too many items (see the bulk limit)")
    public StockView.Bulk setAll(@Valid @NotNull StockInput.Bulk bulk) {
        if (bulk.items().size() > config.bulkMaxItems()) {
            throw new BadRequestException("At most " + config.bulkMaxItems() + " items per request");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (StockInput.Item item : bulk.items()) {
            if (quantities.put(item.sku(), item.available()) != null) {
                throw new BadRequestException("Sku " + item.sku() + " is listed more than once");
            }
        }
        return new StockView.Bulk(stock.setAll(quantities, caller.customerId()).stream()
                .map(StockView::of)
                .toList());
    }
}
