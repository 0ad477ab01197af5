package dev.storefront.defaults.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds problem+json responses; the one way every mapper, shared or a service's own, answers an error. */
public final class Problems {
    private Problems() {}

    public static Response respond(ProblemType type, String detail, UriInfo uri) {
        return respond(Problem.of(type, detail, path(uri)));
    }

    /** A problem body with members of the service's own (a record that unwraps {@link Problem}). */
    public static Response respond(int status, Object body) {
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    public static Response respond(Problem problem) {
        return respond(problem.status(), problem);
    }

    /** The problem plus {@code Retry-After}: the client may try again after that many seconds. */
    public static Response retryAfter(ProblemType type, String detail, UriInfo uri, long seconds) {
        return Response.fromResponse(respond(type, detail, uri))
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .build();
    }

    public static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
