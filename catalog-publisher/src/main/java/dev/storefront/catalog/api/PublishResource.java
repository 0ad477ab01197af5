package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.PublishHistory;
import dev.storefront.catalog.domain.PublishRun;
import dev.storefront.catalog.publish.Publisher;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Full republishing on demand, and what the last publish did. */
@Path("/api/catalog/publish")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PublishResource {
    private final Publisher publisher;
    private final PublishHistory history;

    public PublishResource(Publisher publisher, PublishHistory history) {
        this.publisher = publisher;
        this.history = history;
    }

    /** Rebuilds every object and deletes those of removed products; waits until done. */
    @POST
    public PublishResult publishAll() {
        return PublishResult.of(publisher.publishAll("admin request"));
    }

    /** The last publish, or the last of one kind ({@code FULL} or {@code INCREMENTAL}); 404 before the first. */
    @GET
    @Path("last")
    public PublishResult last(@QueryParam("kind") PublishRun.Kind kind) {
        return history.last(Optional.ofNullable(kind))
                .map(PublishResult::of)
                .orElseThrow(() -> new NotFoundException("Nothing has been published yet"));
    }
}
