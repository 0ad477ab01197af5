package dev.storefront.order.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.storefront.order.client.DependencyUnavailableException;
import dev.storefront.order.domain.OrderRuleException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code application/problem+json}; a 5xx is logged because it is always a bug. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(
                new Problem("about:blank", "Bad Request", 400, "The request is not valid", path(uri), violations));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return badRequest("Unknown field '" + e.getPropertyName() + "'", uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = e.getPath().isEmpty()
                ? "body"
                : e.getPath().get(e.getPath().size() - 1).getFieldName();
        return badRequest("Field '" + field + "' has an invalid value", uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return badRequest("The request body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    @ServerExceptionMapper
    public Response rule(OrderRuleException e, UriInfo uri) {
        return respond(new Problem(
                e.type(),
                e.title(),
                e.status(),
                e.getMessage(),
                path(uri),
                List.of(),
                e.priceChanges(),
                e.unavailableSkus()));
    }

    /** A dependency is down: not a bug in this service, so a warning, and the client may retry. */
    @ServerExceptionMapper
    public Response unavailable(DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("Dependency unavailable on %s: %s (%s)", path(uri), e.getMessage(), e.getCause());
        return Response.fromResponse(respond(Problem.of(
                        503, "Service Unavailable", e.getMessage() + "; nothing was changed, try again", path(uri))))
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = e instanceof UnauthorizedException
                ? "A bearer token is required"
                : "The bearer token is invalid or expired";
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", detail, path(uri))))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(403, "Forbidden", "Not allowed", path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
            return Response.fromResponse(respond(Problem.of(
                            503, "Service Unavailable", "The database is unavailable; try again shortly", path(uri))))
                    .header("Retry-After", "2")
                    .build();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(500, "Internal Server Error", "An unexpected error occurred", path(uri)));
    }

    /**
     * The database could not be reached: no connection could be made (restart, failover) or a pooled one was cut
     * mid-request, even during the commit. That is an outage to retry after, a 503, not a bug; a commit cut off this way
     * may or may not have happened, which is why a checkout carries an Idempotency-Key. Causes and suppressed
     * exceptions are both searched: when a commit fails, Narayana keeps the driver's error as a suppressed exception.
     */
    private static boolean databaseUnavailable(Throwable e) {
        return databaseUnavailable(e, 0);
    }

    private static boolean databaseUnavailable(Throwable e, int depth) {
        if (e == null || depth > 10) {
            return false;
        }
        if (e instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (e instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            // 08: connection exception; 57P0x: the server is shutting down or starting up. Agroal's own message when
            // the pool cannot hand out a connection in time.
            if (state.startsWith("08")
                    || state.startsWith("57P0")
                    || String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                return true;
            }
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (databaseUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        return databaseUnavailable(e.getCause(), depth + 1);
    }

    private static Response badRequest(String detail, UriInfo uri) {
        return respond(Problem.of(400, "Bad Request", detail, path(uri)));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method-parameter paths look like "update.request.quantity"; clients only care about the last part.
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
