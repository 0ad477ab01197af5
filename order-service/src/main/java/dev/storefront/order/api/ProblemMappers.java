package dev.storefront.order.api;

import dev.storefront.defaults.problem.Problem;
import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.defaults.problem.Problems;
import dev.storefront.order.client.DependencyUnavailableException;
import dev.storefront.order.domain.OrderRuleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * problem+json for this service's own exceptions: each reason of an order rule gets its status, {@code type} and
 * title here. Framework, validation, authentication and database errors are service-defaults'
 * {@code FrameworkProblemMappers}.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying a request that failed because a dependency is down. */
    private static final long RETRY_AFTER = 5;

    @ServerExceptionMapper
    public Response rule(OrderRuleException e, UriInfo uri) {
        ProblemType type = type(e.reason());
        Problem problem = Problem.of(type, e.getMessage(), Problems.path(uri));
        return Problems.respond(
                type.status(), new CheckoutProblem(problem, e.priceChanges(), e.unavailableSkus(), e.shortages()));
    }

    /** A dependency is down: not a bug in this service, so a warning, and the client may retry. */
    @ServerExceptionMapper
    public Response unavailable(DependencyUnavailableException e, UriInfo uri) {
        LOG.warnf("Dependency unavailable on %s: %s (%s)", Problems.path(uri), e.getMessage(), e.getCause());
        return Problems.retryAfter(
                ProblemType.DEPENDENCY_UNAVAILABLE,
                e.getMessage() + "; nothing was changed, try again",
                uri,
                RETRY_AFTER);
    }

    static ProblemType type(OrderRuleException.Reason reason) {
        return switch (reason) {
            case EMPTY_CART -> new ProblemType(422, "empty-cart", "Empty cart");
            case UNAVAILABLE_ITEMS -> new ProblemType(422, "unavailable-items", "Items unavailable");
            case PRICE_CHANGED -> new ProblemType(409, "price-changed", "Prices changed");
            case MIXED_CURRENCIES -> new ProblemType(422, "mixed-currencies", "Mixed currencies");
            case CART_NOT_FOUND -> new ProblemType(422, "cart-not-found", "Cart not found");
            case CART_REFUSED -> new ProblemType(422, "cart-refused", "Cart refused");
            case ADDRESS_NOT_FOUND -> new ProblemType(422, "address-not-found", "Address not found");
            case IDEMPOTENCY_KEY_REUSED -> new ProblemType(422, "idempotency-key-reused", "Idempotency-Key reused");
            case ORDER_NOT_FOUND -> new ProblemType(404, "order-not-found", "Not Found");
            case ORDER_NOT_CANCELLABLE -> new ProblemType(409, "order-not-cancellable", "Order cannot be cancelled");
            case OUT_OF_STOCK -> new ProblemType(409, "out-of-stock", "Not enough stock");
            case STOCK_NOT_TRACKED -> new ProblemType(404, "stock-not-tracked", "Not Found");
            case STOCK_OUT_OF_RANGE -> new ProblemType(409, "stock-out-of-range", "Stock out of range");
        };
    }
}
