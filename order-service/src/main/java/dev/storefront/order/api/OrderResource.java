package dev.storefront.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.defaults.http.RequestIds;
import dev.storefront.defaults.problem.Problem;
import dev.storefront.order.config.OrderConfig;
import dev.storefront.order.domain.Checkout;
import dev.storefront.order.domain.CustomerOrder;
import dev.storefront.order.domain.Orders;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checkout and the signed-in customer's purchase history. Another customer's order answers 404. */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "orders")
public class OrderResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final Checkout checkout;
    private final Orders orders;
    private final Caller caller;
    private final ObjectMapper json;
    private final OrderConfig config;

    public OrderResource(Checkout checkout, Orders orders, Caller caller, ObjectMapper json, OrderConfig config) {
        this.checkout = checkout;
        this.orders = orders;
        this.caller = caller;
        this.json = json;
        this.config = config;
    }

    @POST
    @Operation(
            summary = "Place an order for a cart, exactly once per Idempotency-Key",
            description = "Prices every line from the published catalog. The same key with the same body replays the"
                    + " first response (header Idempotent-Replayed: true); with another body it is 422. Keys are"
                    + " per customer and kept at least 24 h. A failed request records nothing.")
    @APIResponse(responseCode = "201", description = "Order placed (or replayed)")
    @APIResponse(responseCode = "400", description = "Missing Idempotency-Key, malformed or invalid body")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(
            responseCode = "409",
            description = "A price changed since it was put in the cart (priceChanges), or a line asks for more than is"
                    + " left (shortages; nothing is stored, and the same key may be used once the cart is fixed)",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = CheckoutProblem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Empty or unknown cart, unavailable items (unavailableSkus), mixed currencies, an addressId"
                    + " not in the caller's address book, or the key reused with another body",
            content =
                    @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = CheckoutProblem.class)))
    @APIResponse(
            responseCode = "503",
            description =
                    "cart-service, account-service (for addressId) or the catalog cannot be reached; nothing stored")
    public Uni<Response> place(@HeaderParam(IDEMPOTENCY_KEY) String key, @Valid @NotNull CheckoutRequest request) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new BadRequestException("Header " + IDEMPOTENCY_KEY + " is required: 1 to 255 visible characters");
        }
        var command = new Checkout.Command(
                caller.customerId(),
                caller.bearerToken(),
                key,
                hash(request),
                request.cartId(),
                request.shippingAddress() == null
                        ? null
                        : request.shippingAddress().toAddress(),
                request.addressId(),
                RequestIds.current().orElse(null));
        return checkout.place(command, order -> write(OrderView.of(order)))
                .map(result -> Response.status(result.status())
                        .location(URI.create("/api/orders/" + result.orderId()))
                        .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
                        .type(MediaType.APPLICATION_JSON)
                        .entity(result.body())
                        .build());
    }

    @GET
    @Operation(summary = "The caller's orders, newest first", description = "Page with `cursor` = `nextCursor`.")
    public OrderPage history(@QueryParam("cursor") String cursor, @QueryParam("size") @Min(1) @Max(100) Integer size) {
        int limit = Math.min(
                size == null ? config.paging().defaultSize() : size,
                config.paging().maxSize());
        List<CustomerOrder> page = orders.history(caller.customerId(), Cursor.decode(cursor), limit + 1);
        List<CustomerOrder> shown = page.subList(0, Math.min(limit, page.size()));
        String next = null;
        if (page.size() > limit) {
            CustomerOrder last = shown.get(shown.size() - 1);
            next = Cursor.encode(new Orders.Position(last.createdAt, last.id));
        }
        return new OrderPage(shown.stream().map(OrderPage.Summary::of).toList(), next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's orders")
    @APIResponse(responseCode = "404", description = "No such order, or not yours")
    public OrderView get(@PathParam("id") UUID id) {
        return OrderView.of(orders.get(caller.customerId(), id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a PLACED order")
    @APIResponse(responseCode = "200", description = "The cancelled order; its quantities are back in stock")
    @APIResponse(responseCode = "404", description = "No such order, or not yours")
    @APIResponse(responseCode = "409", description = "The order is not PLACED")
    public OrderView cancel(@PathParam("id") UUID id) {
        return OrderView.of(orders.cancel(caller.customerId(), id));
    }

    /** Identifies a body for key reuse: the same JSON content hashes the same whatever its formatting. */
    private String hash(CheckoutRequest request) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
