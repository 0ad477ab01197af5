package dev.storefront.order.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to the shopper's address book in account-service, with the same timeout, retry and circuit breaker as
 * {@link CartService}, and its failures translated the same way ({@link RemoteFailures}). account-service answers
 * only for the token's owner, so another customer's address is simply not found.
 */
@ApplicationScoped
@RemoteService("account-service")
@Timeout(value = 2, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 100, jitter = 50)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
public class AddressBook {
    private final AccountServiceApi api;

    public AddressBook(@RestClient AccountServiceApi api) {
        this.api = api;
    }

    /** The saved address, or empty when the shopper has no address with this id (a 4xx is an answer, not a fault). */
    public Optional<SavedAddress> find(UUID addressId, String bearerToken, String requestId) {
        try {
            return Optional.of(api.get(addressId, "Bearer " + bearerToken, requestId));
        } catch (RejectedException e) {
            return Optional.empty();
        }
    }
}
