package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.CatalogService;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.publish.Publisher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Category administration. Every page carries the category navigation, so a category change republishes the whole
 * site; only objects whose content changed are written.
 */
@Path("/api/catalog/categories")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CategoryResource {
    private final CatalogService catalog;
    private final Publisher publisher;

    public CategoryResource(CatalogService catalog, Publisher publisher) {
        this.catalog = catalog;
        this.publisher = publisher;
    }

    @GET
    public List<CategoryInput> list() {
        return catalog.categories().stream().map(CategoryInput::of).toList();
    }

    @GET
    @Path("{slug}")
    public CategoryInput get(@PathParam("slug") String slug) {
        return CategoryInput.of(catalog.category(slug));
    }

    @POST
    public Response create(@Valid @NotNull CategoryInput input) {
        CategoryData created = catalog.createCategory(input.toData());
        publisher.publishAll("category " + created.slug() + " created");
        return Response.created(URI.create("/api/catalog/categories/" + created.slug()))
                .entity(CategoryInput.of(created))
                .build();
    }

    @PUT
    @Path("{slug}")
    public CategoryInput update(@PathParam("slug") String slug, @Valid @NotNull CategoryInput input) {
        CategoryData updated = catalog.updateCategory(slug, input.toData());
        publisher.publishAll("category " + slug + " updated");
        return CategoryInput.of(updated);
    }

    /** Deletes an empty category; one that still has products is a 409. */
    @DELETE
    @Path("{slug}")
    public void delete(@PathParam("slug") String slug) {
        catalog.deleteCategory(slug);
        publisher.publishAll("category " + slug + " deleted");
    }
}
