package dev.storefront.account.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.account.config.AccountConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body whose declared length is over the limit with a problem+json 413 before it is read. (The HTTP server
 * enforces the same limit on bodies without a Content-Length, with a plain 413.)
 */
@ApplicationScoped
public class BodyLimit {
    private final long limit;
    private final ObjectMapper json;

    public BodyLimit(AccountConfig config, ObjectMapper json) {
        this.limit = config.maxBodySize().asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            Problem problem = Problem.of(
                    413,
                    "Content Too Large",
                    "The request body is larger than " + limit + " bytes",
                    context.request().path());
            try {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(json.writeValueAsString(problem));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                context.fail(e);
            }
            return;
        }
        context.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.strip()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
