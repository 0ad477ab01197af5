package dev.storefront.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** catalog-publisher settings; production values come from environment variables (see application.properties). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {
    /** The bucket the storefront is published into (served by CloudFront). */
    String bucket();

    /** How long the readiness probe waits for the bucket before reporting the service not ready. */
    @WithDefault("2s")
    java.time.Duration bucketCheckTimeout();
}
