package dev.storefront.defaults.jwt;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a service finds the keys of another service's service tokens, and what it expects of them. A service's own
 * {@code @ConfigMapping} extends this and gives its own audience as default; the other defaults are order-service's
 * tokens', the only service tokens there are. The values come from the {@code SERVICE_JWT_*} environment variables.
 */
public interface ServiceTokenSettings {
    /** The public keys as a JWKS document; wins over {@link #jwksUrl()}. */
    Optional<String> jwks();

    /** Where to fetch the JWKS document when {@link #jwks()} is not given. */
    Optional<String> jwksUrl();

    @WithDefault("storefront-orders")
    String issuer();

    /** This service's name as the tokens' {@code aud}. */
    String audience();

    /** How often keys fetched from {@link #jwksUrl()} are refreshed (whole minutes). */
    @WithDefault("10m")
    Duration jwksRefresh();

    /**
     * The shortest time between two fetches forced by a token whose {@code kid} is unknown (a key just rotated in), so
     * a flood of tokens with made-up kids cannot turn into a flood of fetches (whole minutes).
     */
    @WithDefault("1m")
    Duration jwksForcedRefresh();

    /** Tokens issued for longer than this ({@code exp - iat}) are refused: service tokens are short-lived. */
    @WithDefault("5m")
    Duration maxLifetime();
}
