package dev.storefront.cart.config;

import dev.storefront.defaults.jwt.ServiceTokenSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * cart-service settings; production values come from environment variables (see application.properties). The bucket
 * holding the published catalog contract ({@code catalog/products/<sku>.json}) and its readiness check are
 * service-defaults' {@code S3Settings} ({@code storefront.s3.*}).
 */
@ConfigMapping(prefix = "cart")
public interface CartConfig {
    Catalog catalog();

    Limits limits();

    Expiry expiry();

    ServiceTokens serviceTokens();

    /**
     * order-service's own service tokens, the only credential that may clear a cart (after an order). Their keys come
     * inline ({@code SERVICE_JWT_JWKS}, as AWS hands them over from the deployment) or from a JWKS URL
     * ({@code SERVICE_JWT_JWKS_URL}, order-service's {@code /api/orders/jwks.json}, as the local shop wires it).
     */
    interface ServiceTokens extends ServiceTokenSettings {
        @Override
        @WithDefault("cart-service")
        String audience();
    }

    /** The in-memory cache of published product documents. */
    interface Catalog {
        /** How long a cached product is served before it is revalidated (conditional GET on its ETag). */
        @WithDefault("30s")
        Duration ttl();

        /** Upper bound for one S3 call; on timeout the last known copy is served. */
        @WithDefault("2s")
        Duration timeout();

        /**
         * Product documents held at most. Well above the catalog's size (a copy dropped is fetched again on its next
         * read); it bounds the memory a stream of made-up skus could take.
         */
        @WithDefault("10000")
        int cacheSize();

        /** A product document no cart read for this long is dropped from memory. */
        @WithDefault("1h")
        Duration cacheIdle();
    }

    interface Limits {
        /** Distinct skus per cart. */
        @WithDefault("50")
        int maxLines();
    }

    /** Carts idle (not changed) for longer than this are purged. */
    interface Expiry {
        @WithDefault("30d")
        Duration anonymousIdle();

        @WithDefault("90d")
        Duration signedInIdle();

        /** How often each instance runs the purge ({@code off} disables it). */
        @WithDefault("1h")
        String purgeEvery();
    }
}
