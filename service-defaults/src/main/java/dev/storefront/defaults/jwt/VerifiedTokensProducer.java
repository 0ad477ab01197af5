package dev.storefront.defaults.jwt;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one {@link VerifiedTokens} of a service, sized by {@code storefront.jwt.verified-tokens.*}. */
@Singleton
public class VerifiedTokensProducer {
    /** How long, and how many, verified bearer tokens a service remembers. */
    @ConfigMapping(prefix = "storefront.jwt.verified-tokens")
    public interface Settings {
        /** A verified token is served from memory for at most this long ({@code JWT_VERIFIED_MAX_AGE}); 0 = off. */
        @WithDefault("60s")
        Duration maxAge();

        /** Tokens held at most (one per signed-in shopper active within {@link #maxAge()}). */
        @WithDefault("10000")
        long maxEntries();
    }

    /** Metrics: {@code cache_gets_total{cache="verified-tokens",result="hit"|"miss"}}, {@code cache_size}, … */
    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(Settings settings, MeterRegistry registry) {
        VerifiedTokens tokens =
                new VerifiedTokens(settings.maxEntries(), settings.maxAge(), Clock.systemUTC(), Ticker.systemTicker());
        CaffeineCacheMetrics.monitor(registry, tokens.cache(), "verified-tokens");
        return tokens;
    }
}
