package dev.storefront.defaults.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.defaults.problem.Problem;
import dev.storefront.defaults.problem.ProblemType;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body whose declared length is over {@link HttpSettings#maxBodySize()} with a problem+json 413 before it is
 * read. (The HTTP server enforces the same limit on bodies without a Content-Length, with a plain 413.)
 */
@ApplicationScoped
public class BodyLimit {
    private final long limit;
    private final ObjectMapper json;

    public BodyLimit(HttpSettings settings, ObjectMapper json) {
        this.limit = settings.maxBodySize().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !tooLarge(length)) {
            context.next();
            return;
        }
        Problem problem = Problem.of(
                ProblemType.BODY_TOO_LARGE,
                "The request body is larger than " + limit + " bytes",
                context.request().path());
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
