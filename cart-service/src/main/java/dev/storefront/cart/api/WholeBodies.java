package dev.storefront.cart.api;

import dev.storefront.defaults.http.HttpSettings;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads the body of a cart request whole, on the event loop, before its endpoint runs. The endpoints block (JDBC), and
 * for a blocking endpoint Quarkus REST moves to a request thread before the body is read: Jackson then waited on that
 * thread for the event loop to hand over the body and again for its end, two waits between threads in every add to
 * cart (docs/performance.md, "Carts"). A body read already is parsed from memory. Only PUT and POST carry one here.
 *
 * <p>The limit is the service's ({@link HttpSettings#maxBodySize()}): a declared length over it has been answered
 * already by service-defaults' {@code BodyLimit}, and a body without one that grows past it is a 413.
 *
 * <p>Every cart endpoint blocks, and a non-blocking one must not be put behind this: Quarkus REST reads such an
 * endpoint's body itself, and would find the request already ended and parse an empty body.
 */
@ApplicationScoped
public class WholeBodies {
    private final long limit;

    public WholeBodies(HttpSettings settings) {
        this.limit = settings.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(limit);
        router.route("/api/carts/*")
                .method(HttpMethod.PUT)
                .method(HttpMethod.POST)
                .order(RouteConstants.ROUTE_ORDER_BODY_HANDLER)
                .handler(context -> {
                    if (http1(context)) {
                        reader.handle(context);
                    } else {
                        context.next();
                    }
                })
                .handler(WholeBodies::emptyIfNone);
    }

    /**
     * HTTP/1 only: Quarkus REST pauses the request it is handed, and an HTTP/2 request already read to its end refuses
     * that ("Request has already been read", a 500). HTTP/2 requests keep the read on the request thread.
     */
    private static boolean http1(RoutingContext context) {
        return context.request().version() != HttpVersion.HTTP_2;
    }

    /**
     * An empty body leaves the handler without a buffer, and Quarkus REST would then wait for a body from a request
     * that has ended (until its read timeout): it gets an empty one to parse instead, and answers 400.
     */
    private static void emptyIfNone(RoutingContext context) {
        if (http1(context) && context.body().buffer() == null) {
            context.setBody(Buffer.buffer());
        }
        context.next();
    }
}
