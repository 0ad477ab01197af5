package dev.storefront.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** order-service settings; production values come from environment variables (see application.properties). */
@ConfigMapping(prefix = "order")
public interface OrderConfig {
    /** The bucket holding the published catalog contract ({@code /catalog/products/<sku>.json}). */
    String bucket();

    /** How long the readiness probe waits for the bucket before reporting the service not ready. */
    @WithDefault("2s")
    java.time.Duration bucketCheckTimeout();
}
