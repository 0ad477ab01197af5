package dev.storefront.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * order-service settings; production values come from environment variables (see application.properties). The
 * catalog bucket and its readiness check are service-defaults' {@code S3Settings} ({@code storefront.s3.*}).
 */
@ConfigMapping(prefix = "order")
public interface OrderConfig {
    /** How long reading one product document may take at checkout. */
    @WithDefault("2s")
    Duration catalogTimeout();

    /**
     * The oldest copy of a product document checkout may price from: a price change published in the bucket reaches
     * checkout within this bound ({@code 0s} reads the bucket for every order).
     */
    @WithDefault("5s")
    Duration catalogMaxAge();

    Idempotency idempotency();

    Outbox outbox();

    Paging paging();

    ServiceTokens serviceTokens();

    Stock stock();

    interface Stock {
        /** At or below this many left, shoppers are told how many ("only 3 left"); above it, only that there are. */
        @WithDefault("5")
        int lowThreshold();

        /** The most skus one bulk change may set. */
        @WithDefault("10000")
        int bulkMaxItems();

        /** How often the relay tells catalog-publisher about skus that sold out or came back ({@code off}: never). */
        @WithDefault("1s")
        String signalEvery();
    }

    interface Idempotency {
        /** How long a key (and the response it replays) is kept; at least 24 h. */
        @WithDefault("24h")
        Duration retention();

        /** How often old keys are purged (a scheduler expression such as {@code 1h}, or {@code off}). */
        @WithDefault("1h")
        String purgeEvery();
    }

    interface Outbox {
        /** How often the relay looks for due messages ({@code off} disables it on this instance). */
        @WithDefault("1s")
        String relayEvery();

        /** Delay before the first retry; doubled per failed attempt up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("1m")
        Duration maxBackoff();
    }

    /**
     * The short-lived tokens this service signs with its own keys to call other services as itself: cart-service (only
     * to clear a cart after an order) and catalog-publisher (only to say a sku sold out or came back). Both verify them
     * against {@code GET /api/orders/jwks.json}.
     */
    interface ServiceTokens {
        @WithDefault("storefront-orders")
        String issuer();

        @WithDefault("cart-service")
        String cartAudience();

        @WithDefault("catalog-publisher")
        String catalogAudience();

        /** Minted per delivery attempt, so a few minutes cover any clock skew and a slow call. */
        @WithDefault("2m")
        Duration lifetime();

        /**
         * The signing keys as a JWK Set of RSA private keys ({@code SERVICE_JWT_SIGNING_KEYS}, from Secrets Manager
         * in AWS). All are published; the last one signs.
         */
        Optional<String> signingKeys();

        /** Where keys are generated and kept without {@link #signingKeys()} ({@code SERVICE_JWT_KEY_DIR}). */
        Optional<Path> keyDir();
    }

    interface Paging {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();
    }
}
