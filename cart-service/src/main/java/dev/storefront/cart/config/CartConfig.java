package dev.storefront.cart.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** cart-service settings; production values come from environment variables (see application.properties). */
@ConfigMapping(prefix = "cart")
public interface CartConfig {
    /** The bucket holding the published catalog contract ({@code /catalog/products/<sku>.json}). */
    String bucket();

    /** How long the readiness probe waits for the bucket before reporting the service not ready. */
    @WithDefault("2s")
    java.time.Duration bucketCheckTimeout();
}
