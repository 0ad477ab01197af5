package dev.storefront.cart.api;

import dev.storefront.cart.domain.CartException;
import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.defaults.problem.Problems;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How a client sees each reason a cart rule refuses a request. Framework errors (invalid or malformed bodies, 401/403,
 * an oversized body, a database outage, a bug) are mapped by service-defaults' {@code FrameworkProblemMappers}.
 */
public class ProblemMappers {
    static final ProblemType CART_NOT_FOUND = new ProblemType(404, "cart-not-found", "Not Found");
    static final ProblemType TOO_MANY_LINES = new ProblemType(422, "too-many-lines", "Unprocessable Content");
    static final ProblemType PRODUCT_UNAVAILABLE = new ProblemType(422, "product-unavailable", "Unprocessable Content");
    static final ProblemType CONCURRENT_CHANGE = new ProblemType(409, "concurrent-change", "Conflict");

    /** Seconds a client waits before trying again while the catalog bucket cannot be read. */
    static final long CATALOG_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response cart(CartException e, UriInfo uri) {
        if (e.reason() == CartException.Reason.CATALOG_UNAVAILABLE) {
            return Problems.retryAfter(typeOf(e.reason()), e.getMessage(), uri, CATALOG_RETRY_AFTER_SECONDS);
        }
        return Problems.respond(typeOf(e.reason()), e.getMessage(), uri);
    }

    /** The {@code @Version} guard caught a writer that skipped the row lock. */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return Problems.respond(
                CONCURRENT_CHANGE, "The cart was changed by another request at the same time; try again", uri);
    }

    static ProblemType typeOf(CartException.Reason reason) {
        return switch (reason) {
            case CART_NOT_FOUND -> CART_NOT_FOUND;
            case TOO_MANY_LINES -> TOO_MANY_LINES;
            case PRODUCT_UNAVAILABLE -> PRODUCT_UNAVAILABLE;
            case CATALOG_UNAVAILABLE -> ProblemType.DEPENDENCY_UNAVAILABLE;
        };
    }
}
