package dev.storefront.defaults.jwt;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a service finds the keys of another service's service tokens, and what it expects of them. A service's own
 * {@code @ConfigMapping} extends this, with its own audience as default; the values come from the {@code SERVICE_JWT_*}
 * environment variables.
 */
public interface ServiceTokenSettings {
    /** The public keys as a JWKS document; wins over {@link #jwksUrl()}. */
    Optional<String> jwks();

    /** Where to fetch the JWKS document when {@link #jwks()} is not given. */
    Optional<String> jwksUrl();

    String issuer();

    /** This service's name as the tokens' {@code aud}. */
    String audience();

    /** How often keys fetched from {@link #jwksUrl()} are refreshed (whole minutes). */
    Duration jwksRefresh();

    /**
     * The shortest time between two fetches forced by a token whose {@code kid} is unknown (a key just rotated in), so
     * a flood of tokens with made-up kids cannot turn into a flood of fetches (whole minutes).
     */
    Duration jwksForcedRefresh();

    /** Tokens issued for longer than this ({@code exp - iat}) are refused: service tokens are short-lived. */
    Duration maxLifetime();
}
