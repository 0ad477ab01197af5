package dev.storefront.cart.api;

import dev.storefront.cart.domain.Access;
import dev.storefront.cart.domain.CartItems;
import dev.storefront.cart.domain.CartToken;
import dev.storefront.cart.domain.Carts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Anonymous and signed-in carts. A cart is visible to the holder of its token (header {@value #CART_TOKEN}) and to its
 * signed-in owner (bearer token); to anyone else it answers 404, exactly as if it did not exist. Emptying a cart after
 * an order is order-service's alone, with its own service token ({@link ServiceCaller}); that token opens nothing else.
 */
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "carts")
public class CartResource {
    static final String CART_TOKEN = "X-Cart-Token";
    private static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private final Carts carts;
    private final CartItems items;
    private final CartViews views;
    private final Caller caller;
    private final ServiceCaller service;

    public CartResource(Carts carts, CartItems items, CartViews views, Caller caller, ServiceCaller service) {
        this.carts = carts;
        this.items = items;
        this.views = views;
        this.caller = caller;
        this.service = service;
    }

    @POST
    @Operation(
            summary = "Create an anonymous cart, or get the signed-in shopper's current cart",
            description = "Without a bearer token: a new anonymous cart (201) whose `token` must be sent back as "
                    + CART_TOKEN
                    + ". With a bearer token: the shopper's one current cart, created (201) if none (200).")
    @APIResponse(responseCode = "201", description = "Cart created")
    @APIResponse(responseCode = "200", description = "The signed-in shopper's existing cart")
    @APIResponse(responseCode = "401", description = "Invalid bearer token")
    public Response create() {
        Optional<UUID> account = caller.accountId();
        if (account.isPresent()) {
            Carts.Current current = carts.currentFor(account.get());
            CartResponse body = views.of(current.contents());
            return current.created() ? created(body) : Response.ok(body).build();
        }
        String token = CartToken.generate();
        return created(views.of(carts.createAnonymous(token)).withToken(token));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a cart, priced from the current catalog")
    @APIResponse(responseCode = "404", description = "No such cart, or not yours")
    public CartResponse get(
            @PathParam("id") UUID id, @Parameter(in = ParameterIn.HEADER) @HeaderParam(CART_TOKEN) String token) {
        return views.of(carts.read(id, access(token)));
    }

    @PUT
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Set the quantity (1..99) of a product in the cart, adding the line if new")
    @APIResponse(responseCode = "200", description = "The updated cart")
    @APIResponse(responseCode = "400", description = "Invalid quantity or body")
    @APIResponse(responseCode = "404", description = "No such cart, or not yours")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown, inactive or out-of-stock sku, or the cart already holds the maximum number of lines")
    @APIResponse(
            responseCode = "503",
            description = "The catalog cannot be read and the product was never seen before; see Retry-After")
    public CartResponse put(
            @PathParam("id") UUID id,
            @PathParam("sku") @Pattern(regexp = SKU) String sku,
            @HeaderParam(CART_TOKEN) String token,
            @Valid @NotNull QuantityRequest request) {
        return views.of(items.put(id, access(token), sku, request.quantity()));
    }

    @DELETE
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Remove a product from the cart (no-op when it is not there)")
    @APIResponse(responseCode = "200", description = "The updated cart")
    @APIResponse(responseCode = "404", description = "No such cart, or not yours")
    public CartResponse remove(
            @PathParam("id") UUID id,
            @PathParam("sku") @Pattern(regexp = SKU) String sku,
            @HeaderParam(CART_TOKEN) String token) {
        return views.of(carts.removeLine(id, access(token), sku));
    }

    @POST
    @Path("/{id}/clear")
    @Operation(
            summary = "Take what an order bought out of the cart (order-service only)",
            description = "For each ordered line, its quantity is subtracted from the cart's line of that sku, and the"
                    + " line removed at 0 or below; lines added or raised since the order stay. At most once per"
                    + " order: a clear delivered again from an outbox is 204 and changes nothing. Only order-service"
                    + " may call it, with a service token of its own (issuer storefront-orders, audience cart-service,"
                    + " scope cart:clear, bound to this cart and this order): a shopper's token or a cart token is"
                    + " refused. A 404 means the cart no longer exists (e.g. purged after expiry): nothing to clear.")
    @APIResponse(responseCode = "204", description = "The ordered lines are out of the cart (now or before)")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "No valid service token of order-service")
    @APIResponse(responseCode = "403", description = "A service token without scope cart:clear for this cart and order")
    @APIResponse(responseCode = "404", description = "No such cart")
    public void clear(
            @PathParam("id") UUID id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull ClearRequest request) {
        service.requireCartClear(authorization, id, request.order());
        Map<String, Integer> ordered = new HashMap<>();
        request.lines().forEach(line -> ordered.merge(line.sku(), line.quantity(), Integer::sum));
        carts.clearAfterOrder(id, request.order(), ordered);
    }

    @POST
    @Path("/{id}/merge")
    @Operation(
            summary = "Merge an anonymous cart into the signed-in shopper's cart",
            description = "Needs a bearer token and the anonymous cart's " + CART_TOKEN + ". Quantities of a sku in"
                    + " both carts add up, capped at 99; the anonymous cart is deleted. Returns the shopper's cart.")
    @APIResponse(responseCode = "200", description = "The shopper's cart after the merge")
    @APIResponse(responseCode = "401", description = "Missing or invalid bearer token")
    @APIResponse(responseCode = "404", description = "No such anonymous cart for this cart token")
    @APIResponse(responseCode = "422", description = "The merged cart would exceed the line limit")
    public CartResponse merge(@PathParam("id") UUID id, @HeaderParam(CART_TOKEN) String token) {
        UUID account = caller.requireAccountId();
        return views.of(carts.merge(id, token, account));
    }

    private Access access(String cartToken) {
        return new Access(caller.accountId(), Optional.ofNullable(cartToken));
    }

    private static Response created(CartResponse body) {
        return Response.created(URI.create("/api/carts/" + body.id()))
                .entity(body)
                .build();
    }
}
