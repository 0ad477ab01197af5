package dev.storefront.catalog.config;

import dev.storefront.defaults.jwt.ServiceTokenSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * catalog-publisher settings; production values come from environment variables (see application.properties). The
 * bucket and the S3 client's settings are service-defaults' {@code S3Settings} ({@code storefront.s3.*}).
 */
@ConfigMapping(prefix = "catalog")
public interface CatalogConfig {
    /** {@code serve} (the admin API) or {@code publish-once} (a full publish, then exit: the scheduled task). */
    @WithDefault("serve")
    String mode();

    /** Load the bundled sample catalog on start when the catalog is empty, then publish it. */
    @WithDefault("false")
    boolean seedSample();

    Publish publish();

    ServiceTokens serviceTokens();

    /**
     * order-service's service tokens, the only credential that may mark a product sold out or back
     * ({@code POST /api/catalog/availability}). Their keys come inline ({@code SERVICE_JWT_JWKS}) or from order-service's
     * JWKS URL ({@code SERVICE_JWT_JWKS_URL}). Without either the service still runs (it does not need order-service)
     * and that endpoint answers 503 {@code service-tokens-unavailable}.
     */
    interface ServiceTokens extends ServiceTokenSettings {
        @Override
        @WithDefault("catalog-publisher")
        String audience();
    }

    interface Publish {
        /** The public origin of the storefront; the sitemap needs absolute URLs. */
        @WithDefault("http://localhost:8080")
        String siteUrl();

        /** Products per category page. */
        @WithDefault("24")
        int pageSize();

        /**
         * Products per listing document ({@code catalog/listings/<category>/<n>.json}): a price change rewrites one,
         * so this bounds what a change costs; readers of the whole catalog fetch one document per this many products.
         */
        @WithDefault("240")
        int listingSize();

        /**
         * Uploads in flight at once; the S3 client is synchronous, so this is the number of upload threads. The
         * client's connection pool ({@code storefront.s3.max-connections}, 50) must be larger, with a few to spare for
         * reads.
         */
        @WithDefault("16")
        int parallelism();

        /** How often to look for a failed publish and repair it with a full publish (a scheduler interval). */
        @WithDefault("1m")
        String repairEvery();
    }
}
