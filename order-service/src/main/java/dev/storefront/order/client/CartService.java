package dev.storefront.order.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
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
 * <p>Calls are authorised with the shopper's own access token, as cart-service accepts only the cart's owner, and
 * carry the request id of the checkout they serve (null for none).
 */
@ApplicationScoped
@RemoteService("cart-service")
@Timeout(value = 2, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50, abortOn = RejectedException.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = RejectedException.class)
public class CartService {
    private final CartServiceApi api;

    public CartService(@RestClient CartServiceApi api) {
        this.api = api;
    }

    /** The shopper's cart as cart-service shows it. */
    public CartView cart(UUID cartId, String bearerToken, String requestId) {
        return api.get(cartId, "Bearer " + bearerToken, requestId);
    }

    /**
     * Empties the cart after order {@code orderId}'s checkout. cart-service keeps a receipt per order, so a repeated
     * delivery changes nothing, not even lines the shopper added since.
     */
    public void clear(UUID cartId, UUID orderId, String bearerToken, String requestId) {
        api.clear(cartId, orderId, "Bearer " + bearerToken, requestId);
    }
}
