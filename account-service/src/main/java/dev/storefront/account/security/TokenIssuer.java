package dev.storefront.account.security;

import dev.storefront.account.config.AccountConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * Signs access tokens. The claims are a contract other services code against: RS256 with a {@code kid}, {@code iss},
 * {@code aud}, {@code sub} = account id, {@code groups} = roles and {@code email}.
 */
@ApplicationScoped
public class TokenIssuer {
    private final SigningKeys keys;
    private final AccountConfig.Jwt config;

    public TokenIssuer(SigningKeys keys, AccountConfig config) {
        this.keys = keys;
        this.config = config.jwt();
    }

    public String issue(UUID accountId, String email, Set<String> groups) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(accountId.toString())
                .groups(groups)
                .claim("email", email)
                .issuedAt(System.currentTimeMillis() / 1000)
                .expiresIn(config.lifetime())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.current().getKeyId())
                .sign(keys.currentPrivateKey());
    }

    public Duration lifetime() {
        return config.lifetime();
    }
}
