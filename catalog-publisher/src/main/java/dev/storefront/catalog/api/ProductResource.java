package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.CatalogService;
import dev.storefront.catalog.domain.ProductChange;
import dev.storefront.catalog.publish.Publisher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Catalog administration: every change is saved, then the objects it affects are republished. */
@Path("/api/catalog/products")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {
    private final CatalogService catalog;
    private final Publisher publisher;

    public ProductResource(CatalogService catalog, Publisher publisher) {
        this.catalog = catalog;
        this.publisher = publisher;
    }

    /** Products ordered by sku, a page at a time. */
    @GET
    public List<ProductView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalog.products(page, size).stream().map(ProductView::of).toList();
    }

    @GET
    @Path("{sku}")
    public ProductView get(@PathParam("sku") String sku) {
        return ProductView.of(catalog.product(sku));
    }

    @POST
    public Response create(@Valid @NotNull ProductInput input) {
        ProductView created = published(catalog.create(input.toData()), "created");
        return Response.created(URI.create("/api/catalog/products/" + created.sku()))
                .entity(created)
                .build();
    }

    /** Replaces the product; the sku in the body must be the one in the path. */
    @PUT
    @Path("{sku}")
    public ProductView update(@PathParam("sku") String sku, @Valid @NotNull ProductInput input) {
        return published(catalog.update(sku, input.toData()), "updated");
    }

    /** Deletes the product: its page, image and JSON document disappear from the bucket. */
    @DELETE
    @Path("{sku}")
    public void delete(@PathParam("sku") String sku) {
        published(catalog.delete(sku), "deleted");
    }

    private ProductView published(ProductChange change, String what) {
        // The change is committed; a failed publish is recorded and repaired by the next full publish.
        publisher.publish(change, "product " + change.current().sku() + " " + what);
        return ProductView.of(change.current());
    }
}
