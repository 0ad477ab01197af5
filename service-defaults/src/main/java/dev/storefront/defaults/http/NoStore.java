package dev.storefront.defaults.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Every answer under {@value #API} gets {@code Cache-Control: no-store} unless its resource set a Cache-Control of its
 * own. Not only the answers to requests with an {@code Authorization} header: a sign-in answer carries a token, and an
 * anonymous cart is reached with its {@code X-Cart-Token}, so no API answer is fit for a browser's or a shared cache.
 * An answer meant to be cached says so itself (the JWKS: {@code max-age=300}). Health, metrics and the OpenAPI document
 * under {@code /q/} are left alone.
 */
@Singleton
public class NoStore {
    static final String API = "/api/";

    /** Any priority will do: the header is decided when the answer's headers are written. */
    private static final int PRIORITY = 9_000;

    void register(@Observes Filters filters) {
        filters.register(NoStore::mark, PRIORITY);
    }

    private static void mark(RoutingContext context) {
        if (context.normalizedPath().startsWith(API)) {
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(ignored -> {
                if (!response.headers().contains(HttpHeaders.CACHE_CONTROL)) {
                    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                }
            });
        }
        context.next();
    }
}
