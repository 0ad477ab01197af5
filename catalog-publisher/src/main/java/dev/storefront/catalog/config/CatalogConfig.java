package dev.storefront.catalog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** catalog-publisher settings; production values come from environment variables (see application.properties). */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {
    /** The bucket the storefront is published into (served by CloudFront). */
    String bucket();

    /** How long the readiness probe waits for the bucket before reporting the service not ready. */
    @WithDefault("2s")
    Duration bucketCheckTimeout();

    /** {@code serve} (the admin API) or {@code publish-once} (a full publish, then exit: the scheduled task). */
    @WithDefault("serve")
    String mode();

    /** Load the bundled sample catalog on start when the catalog is empty, then publish it. */
    @WithDefault("false")
    boolean seedSample();

    Publish publish();

    interface Publish {
        /** The public origin of the storefront; the sitemap needs absolute URLs. */
        @WithDefault("http://localhost:8080")
        String siteUrl();

        /** Products per category page. */
        @WithDefault("24")
        int pageSize();

        /** Uploads in flight at once; the S3 client is synchronous, so this is the number of upload threads. */
        @WithDefault("16")
        int parallelism();

        /** How often to look for a failed publish and repair it with a full publish (a scheduler interval). */
        @WithDefault("1m")
        String repairEvery();
    }
}
