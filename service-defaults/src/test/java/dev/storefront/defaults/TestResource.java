package dev.storefront.defaults;

import dev.storefront.defaults.jwt.ServiceTokensUnavailable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Endpoints that fail in each way the shared mappers answer, standing in for a service's resources. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestResource {
    public record Item(
            @NotBlank String name,
            @NotNull @Min(1) @Max(99) Integer quantity,
            List<String> tags,
            Map<String, String> labels) {}

    @POST
    @Path("/items")
    public Item echo(@Valid @NotNull Item item) {
        return item;
    }

    /** Text from the path, the query and a header, as a resource that stores them would get it. */
    @GET
    @Path("/echo/{text}")
    public String echo(
            @PathParam("text") String text, @QueryParam("q") String query, @HeaderParam("X-Note") String note) {
        return text + "|" + query + "|" + note;
    }

    @GET
    @Path("/fail/{how}")
    public String fail(@PathParam("how") String how) throws Exception {
        switch (how) {
            case "database" ->
                throw new IllegalStateException(
                        "commit failed", new SQLException("This connection has been closed.", "08003"));
            case "commit" -> {
                var rollback = new IllegalStateException("rolled back");
                rollback.addSuppressed(new SQLException("I/O error", "08006"));
                throw new RuntimeException("transaction failed", rollback);
            }
            case "bug" -> throw new NullPointerException("a bug");
            case "unauthenticated" -> throw new UnauthorizedException();
            case "bad-token" -> throw new AuthenticationFailedException();
            case "forbidden" -> throw new ForbiddenException();
            case "no-service-keys" -> throw new ServiceTokensUnavailable();
            default -> {
                return how;
            }
        }
    }
}
