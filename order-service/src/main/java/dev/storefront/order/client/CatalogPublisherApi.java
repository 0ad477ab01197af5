package dev.storefront.order.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** catalog-publisher's API as far as stock needs it. Only {@link CatalogPublisher} uses it. */
@RegisterRestClient(configKey = "catalog-publisher")
@Path("/api/catalog")
@RegisterProvider(RejectedException.Mapper.class)
public interface CatalogPublisherApi {
    @POST
    @Path("/availability")
    @Consumes("application/json")
    void availability(AvailabilityChange change, @HeaderParam("Authorization") String authorization);
}
