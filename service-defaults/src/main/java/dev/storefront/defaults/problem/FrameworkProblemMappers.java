package dev.storefront.defaults.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.storefront.defaults.http.SafeText;
import dev.storefront.defaults.http.UnsafeTextException;
import dev.storefront.defaults.jwt.ServiceTokensUnavailable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * problem+json for every failure that is not a service's own: framework HTTP errors, invalid and malformed bodies,
 * authentication, database outages, and anything unexpected (a 500, logged, because it is always a bug). A service
 * maps its domain's exceptions itself; to answer one of these differently it declares a mapper of its own for the same
 * exception with a lower priority number (e.g. {@code Priorities.USER - 1}), which then wins over this one.
 */
public class FrameworkProblemMappers {
    /**
     * The default priority: at {@code USER + 100} Quarkus's own handling of {@code UnauthorizedException} won and
     * answered 403 where this mapper answers 401 (seen in ServiceDefaultsTest).
     */
    static final int PRIORITY = Priorities.USER;

    private static final Logger LOG = Logger.getLogger(FrameworkProblemMappers.class);

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri); // a body the JSON reader gave up on, e.g. cut off mid-way
        }
        return Problems.respond(
                ProblemType.ofHttpStatus(status.getStatusCode(), status.getReasonPhrase()), e.getMessage(), uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        ProblemType type = ProblemType.VALIDATION_FAILED;
        return Problems.respond(new Problem(
                type.uri(), type.title(), type.status(), "The request is not valid", Problems.path(uri), violations));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return malformed("Unknown field '" + e.getPropertyName() + "'", uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        return malformed("Field '" + field(e) + "' has an invalid value", uri);
    }

    /** A NUL character or an unpaired surrogate in a string of the body: text no service can store. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response unsafeText(UnsafeTextException e, UriInfo uri) {
        return malformed(SafeText.refusal("Field '" + field(e) + "'"), uri);
    }

    /**
     * Valid JSON of the wrong shape, e.g. an array or an empty body where an object is expected, or a field of the wrong
     * type that Jackson refuses to convert ({@code "12"} for a number: {@code StrictJson}), which is named.
     */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        if (!e.getPath().isEmpty()) {
            return malformed("Field '" + field(e) + "' has an invalid value", uri);
        }
        return malformed("The request body does not have the expected shape", uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return malformed("The request body is not valid JSON: " + e.getOriginalMessage(), uri);
    }

    /** Missing, malformed, forged or expired bearer token (proactive authentication is off, so it arrives here). */
    @ServerExceptionMapper(
            value = {AuthenticationFailedException.class, UnauthorizedException.class},
            priority = PRIORITY)
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = e instanceof UnauthorizedException
                ? "A bearer token is required"
                : "The bearer token is invalid or expired";
        return Response.fromResponse(Problems.respond(ProblemType.UNAUTHENTICATED, detail, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.respond(ProblemType.FORBIDDEN, "Not allowed", uri);
    }

    /** No keys to verify service tokens with: the operator's to fix, so not a 401 the calling service would blame on itself. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response serviceTokensUnavailable(ServiceTokensUnavailable e, UriInfo uri) {
        LOG.warn(e.getMessage());
        return Problems.retryAfter(ProblemType.SERVICE_TOKENS_UNAVAILABLE, e.getMessage(), uri, 60);
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseOutage.isCause(e)) {
            LOG.warnf("Database unavailable on %s: %s", Problems.path(uri), e.getMessage());
            return Problems.retryAfter(
                    ProblemType.DATABASE_UNAVAILABLE, "The database is unavailable; try again shortly", uri, 2);
        }
        LOG.error("Unexpected failure", e);
        return Problems.respond(ProblemType.INTERNAL_ERROR, "An unexpected error occurred", uri);
    }

    private static Response malformed(String detail, UriInfo uri) {
        return Problems.respond(ProblemType.MALFORMED_REQUEST, detail, uri);
    }

    /** Where in the body, e.g. {@code quantity}, {@code shippingAddress.name} or {@code images[2]}. */
    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method-parameter paths look like "update.request.quantity"; clients only care about the last part.
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
