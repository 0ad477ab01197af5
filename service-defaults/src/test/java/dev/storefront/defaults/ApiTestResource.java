package dev.storefront.defaults;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Endpoints under /api/, standing in for a service's API: one private answer, one that is meant to be cached. */
@Path("/api/test")
@Produces(MediaType.TEXT_PLAIN)
public class ApiTestResource {
    @GET
    @Path("/private")
    public String privateAnswer() {
        return "yours only";
    }

    @GET
    @Path("/public")
    public Response publicAnswer() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok("anyone's").cacheControl(cache).build();
    }
}
