package dev.storefront.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    interface Paging {
        @WithDefault("20")
        int defaultSize();

        @WithDefault("100")
        int maxSize();
    }
}
