package dev.storefront.order.client;

import dev.storefront.defaults.http.RequestIds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** account-service's address book as far as checkout needs it. Only {@link AddressBook} uses it. */
@RegisterRestClient(configKey = "account-service")
@Path("/api/accounts/me/addresses")
@Produces(MediaType.APPLICATION_JSON)
@RegisterProvider(RejectedException.Mapper.class)
public interface AccountServiceApi {
    @GET
    @Path("/{id}")
    SavedAddress get(
            @PathParam("id") UUID id,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam(RequestIds.HEADER) String requestId);
}
