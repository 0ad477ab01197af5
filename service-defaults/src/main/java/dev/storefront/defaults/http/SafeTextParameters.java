package dev.storefront.defaults.http;

import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.defaults.problem.Problems;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path or query parameters hold text no service can store (see {@link SafeText}; a NUL
 * arrives percent-encoded, {@code %00}), before its resource runs: a 400 naming the parameter, and nothing changed.
 * The JSON body is checked while it is read ({@link StrictJson}). Headers need no check here: the HTTP server refuses a
 * NUL in a header itself (a plain 400, the connection closed), and header values are read as Latin-1, which has no
 * surrogates.
 */
public class SafeTextParameters {
    @ServerRequestFilter
    public Optional<Response> check(UriInfo uri) {
        return firstUnsafe("Path parameter", uri.getPathParameters())
                .or(() -> firstUnsafe("Query parameter", uri.getQueryParameters()))
                .map(where -> Problems.respond(ProblemType.MALFORMED_REQUEST, SafeText.refusal(where), uri));
    }

    private static Optional<String> firstUnsafe(String kind, MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value != null && !SafeText.isSafe(value)) {
                    return Optional.of(kind + " '" + parameter.getKey() + "'");
                }
            }
        }
        return Optional.empty();
    }
}
