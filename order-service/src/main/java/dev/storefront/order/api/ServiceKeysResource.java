package dev.storefront.order.api;

import dev.storefront.order.security.ServiceTokens;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public keys of order-service's service tokens, for cart-service (locally it fetches this; in AWS it gets the
 * same keys from the deployment). Public keys only, so it needs no token, like account-service's JWKS.
 */
@Path("/api/orders/jwks.json")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders")
public class ServiceKeysResource {
    private final ServiceTokens tokens;

    public ServiceKeysResource(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @GET
    @Operation(summary = "The public keys order-service's service tokens are signed with (JWK Set)")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(tokens.publicJwks()).cacheControl(cache).build();
    }
}
