package dev.storefront.defaults.jwt;

import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies another service's service tokens: a second verifier, apart from smallrye-jwt's standard one for shoppers'
 * tokens, with its own keys (inline, or fetched from a JWKS URL and refreshed every {@code jwksRefresh}), its own
 * issuer and audience, RS256 only, and a short maximum lifetime. A shopper's token fails it (another issuer, another
 * key); a service token fails the standard one, so it opens no other endpoint. Each service wraps it in a bean that
 * checks the scope and claims of its own endpoints.
 *
 * <p>Without any key configured it is still built, so the service starts; every token then fails with
 * {@link ServiceTokensUnavailable} (503), not a 401 the caller would take for its own fault.
 */
public final class ServiceTokenVerifier {
    private static final String BEARER = "Bearer ";

    private final Optional<JWTParser> parser;

    public ServiceTokenVerifier(ServiceTokenSettings settings) {
        this.parser = contextOf(settings).map(DefaultJWTParser::new);
    }

    /** Whether any key is configured; without one, {@link #verify} always throws {@link ServiceTokensUnavailable}. */
    public boolean configured() {
        return parser.isPresent();
    }

    /**
     * The verified token of an {@code Authorization} header value.
     *
     * @throws AuthenticationFailedException (401) when the header is absent or not a bearer token, or the token is
     *     invalid, forged, expired, too long-lived, or another issuer's or audience's
     * @throws ServiceTokensUnavailable (503) when no key is configured
     */
    public ServiceToken verify(String authorization) {
        JWTParser configured = parser.orElseThrow(ServiceTokensUnavailable::new);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationFailedException("A service token is required");
        }
        try {
            return new ServiceToken(
                    configured.parse(authorization.substring(BEARER.length()).trim()));
        } catch (ParseException e) {
            throw new AuthenticationFailedException("The service token is invalid or expired", e);
        }
    }

    private static Optional<JWTAuthContextInfo> contextOf(ServiceTokenSettings settings) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        if (settings.jwks().isPresent()) {
            info.setPublicKeyContent(settings.jwks().get());
        } else if (settings.jwksUrl().isPresent()) {
            info.setPublicKeyLocation(settings.jwksUrl().get());
        } else {
            return Optional.empty();
        }
        info.setIssuedBy(settings.issuer());
        info.setExpectedAudience(Set.of(settings.audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setMaxTimeToLiveSecs(settings.maxLifetime().toSeconds());
        info.setJwksRefreshInterval((int) Math.max(1, settings.jwksRefresh().toMinutes()));
        info.setForcedJwksRefreshInterval(
                (int) Math.max(1, settings.jwksForcedRefresh().toMinutes()));
        return Optional.of(info);
    }
}
