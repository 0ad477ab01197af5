package dev.storefront.order.client;

import dev.storefront.order.security.ServiceTokens;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to cart-service: every call has a timeout, is retried on failure (both calls are safe to repeat) and
 * goes through a circuit breaker, so a cart-service outage costs checkout a fast 503 instead of hanging requests. A
 * 4xx is an answer, not a failure: it is neither retried nor counted by the breaker, and reaches the caller as a
 * {@link RejectedException}; anything else that still fails is a {@link DependencyUnavailableException}
 * ({@link RemoteFailures}).
 *
 * <p>Reading the cart at checkout is authorised with the shopper's own access token (cart-service shows a cart only to
 * its owner), passed through and never stored. Clearing it after the order is authorised with a service token of
 * order-service's own ({@link ServiceTokens}: scope {@code cart:clear}, bound to that cart and order, two minutes), so
 * no shopper token has to outlive the checkout request. Both carry the request id of the checkout they serve (null for
 * none).
 */
@ApplicationScoped
@RemoteService("cart-service")
@Timeout(value = 2, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = RejectedException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = RejectedException.class)
public class CartService {
    private final CartServiceApi api;
    private final ServiceTokens serviceTokens;

    public CartService(@RestClient CartServiceApi api, ServiceTokens serviceTokens) {
        this.api = api;
        this.serviceTokens = serviceTokens;
    }

    /**
     * The shopper's cart as cart-service shows it, read without blocking: called on the event loop that serves the
     * checkout, the call, its retries and its answer stay there (no request thread waits on cart-service). Its timeout,
     * retries and circuit breaker apply to the {@link Uni}'s outcome.
     */
    @AsynchronousNonBlocking
    public Uni<CartView> cart(UUID cartId, String bearerToken, String requestId) {
        return api.get(cartId, "Bearer " + bearerToken, requestId);
    }

    /**
     * Takes what order {@code orderId} bought ({@code lines}) out of the cart after its checkout; lines added or raised
     * since stay. cart-service keeps a receipt per order, so a repeated delivery changes nothing. Each attempt
     * (retries included) gets a fresh service token.
     */
    public void clear(UUID cartId, UUID orderId, List<CartClear.Line> lines, String requestId) {
        api.clear(
                cartId, new CartClear(orderId, lines), "Bearer " + serviceTokens.cartClear(cartId, orderId), requestId);
    }
}
