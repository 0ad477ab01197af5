package dev.storefront.order.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** cart-service's API as far as checkout needs it. Only {@link CartService} uses it. */
@RegisterRestClient(configKey = "cart-service")
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(RequestIdPropagation.class)
public interface CartServiceApi {
    @GET
    @Path("/{id}")
    CartView get(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    @DELETE
    @Path("/{id}/items")
    void clear(
            @PathParam("id") UUID id,
            @QueryParam("order") UUID orderId,
            @HeaderParam("Authorization") String authorization);
}
