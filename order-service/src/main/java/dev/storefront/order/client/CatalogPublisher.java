package dev.storefront.order.client;

import dev.storefront.order.security.ServiceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to catalog-publisher: tells it when a sku sells out or comes back, so it republishes the product's
 * pages. Only the availability relay calls it, and the relay retries with backoff, so there is no retry here; the
 * breaker stops a backlog hammering a catalog-publisher that is down. Each call carries a fresh service token of
 * order-service's own ({@link ServiceTokens#catalogAvailability}), good for that sku only.
 */
@ApplicationScoped
@RemoteService("catalog-publisher")
@Timeout(value = 10, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10_000, skipOn = RejectedException.class)
public class CatalogPublisher {
    private final CatalogPublisherApi api;
    private final ServiceTokens serviceTokens;

    public CatalogPublisher(@RestClient CatalogPublisherApi api, ServiceTokens serviceTokens) {
        this.api = api;
        this.serviceTokens = serviceTokens;
    }

    public void availability(AvailabilityChange change) {
        api.availability(change, "Bearer " + serviceTokens.catalogAvailability(change.sku()));
    }
}
