package dev.storefront.order.client;

import dev.storefront.defaults.http.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * cart-service's API as far as checkout needs it. Only {@link CartService} uses it. Each call carries the id of the
 * request it serves ({@code X-Request-Id}; none when null), so cart-service logs it under the same id.
 */
@RegisterRestClient(configKey = "cart-service")
@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(RejectedException.Mapper.class)
public interface CartServiceApi {
    /** Non-blocking: the call is made on the calling event loop, and its answer arrives there. */
    @GET
    @Path("/{id}")
    Uni<CartView> get(
            @PathParam("id") UUID id,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);

    @POST
    @Path("/{id}/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    void clear(
            @PathParam("id") UUID id,
            CartClear ordered,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);
}
