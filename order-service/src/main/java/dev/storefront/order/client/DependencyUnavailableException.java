package dev.storefront.order.client;

/** A service or store this service depends on cannot answer right now; the request may be retried later (503). */
public class DependencyUnavailableException extends RuntimeException {
    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
