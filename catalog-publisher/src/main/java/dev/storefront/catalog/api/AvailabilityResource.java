package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.CatalogService;
import dev.storefront.catalog.publish.Publisher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * order-service's deliveries of stock reaching 0 or rising from it: the storefront follows without an admin. A change of
 * the sold-out state is published like an admin's change of the product, at the same bounded cost.
 */
@Path("/api/catalog/availability")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AvailabilityResource {
    private final CatalogService catalog;
    private final Publisher publisher;
    private final ServiceCaller service;

    public AvailabilityResource(CatalogService catalog, Publisher publisher, ServiceCaller service) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.service = service;
    }

    @POST
    @Operation(
            summary = "Mark a product sold out, or no longer (order-service only)",
            description = "Applied only when version is newer than the last one applied for the sku; an older or"
                    + " repeated delivery is 204 and changes nothing (at-least-once safe). When the sold-out state"
                    + " changes, the product's page, JSON document, category pages and listing are republished; the"
                    + " admin's stock status is kept and shows again once the product is no longer sold out. Only"
                    + " order-service may call it, with a service token of its own (issuer storefront-orders, audience"
                    + " catalog-publisher, scope catalog:availability, claim sku = the body's sku).")
    @APIResponse(responseCode = "204", description = "Applied, or not newer than what was applied before")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "401", description = "No valid service token of order-service")
    @APIResponse(responseCode = "403", description = "A service token without scope catalog:availability for this sku")
    @APIResponse(responseCode = "404", description = "No product has this sku: nothing to do")
    @APIResponse(responseCode = "503", description = "No keys for service tokens are configured here")
    public void apply(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull AvailabilityInput input) {
        service.requireAvailability(authorization, input.sku());
        catalog.applyAvailability(input.sku(), input.soldOut(), input.version())
                .ifPresent(change -> publisher.publish(
                        change, "product " + input.sku() + (input.soldOut() ? " sold out" : " available again")));
    }
}
