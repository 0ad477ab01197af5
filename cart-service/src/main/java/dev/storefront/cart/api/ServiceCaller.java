package dev.storefront.cart.api;

import dev.storefront.cart.config.CartConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies order-service's service tokens, the one credential that may clear a cart. This is a second verifier, apart
 * from smallrye-jwt's standard one for shoppers' tokens: its own keys (order-service's JWKS, kept in memory and
 * refreshed every {@code jwksRefresh}), its own issuer and audience, RS256 only, and a short maximum lifetime. A
 * shopper's token fails it (another issuer, another key); a service token fails the standard one, so it opens no other
 * endpoint.
 */
@ApplicationScoped
public class ServiceCaller {
    static final String CART_CLEAR = "cart:clear";
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;

    public ServiceCaller(CartConfig config) {
        this.parser = new DefaultJWTParser(contextOf(config.serviceTokens()));
    }

    /**
     * Succeeds only for a valid service token with scope {@value #CART_CLEAR} for this cart and this order: an absent,
     * invalid, expired or foreign token is a 401; a valid service token for anything else is a 403.
     */
    public void requireCartClear(String authorization, UUID cartId, UUID orderId) {
        JsonWebToken token = verified(authorization);
        boolean scoped = Arrays.asList(text(token, "scope").split(" ")).contains(CART_CLEAR);
        if (!scoped
                || !cartId.toString().equals(text(token, "cart_id"))
                || !orderId.toString().equals(text(token, "order_id"))) {
            throw new ForbiddenException("The service token is not for clearing this cart after this order");
        }
    }

    /** A string claim, or "" when it is absent or not a string. */
    private static String text(JsonWebToken token, String claim) {
        Object value = token.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String string ? string : "";
    }

    private JsonWebToken verified(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new AuthenticationFailedException("A service token is required");
        }
        try {
            return parser.parse(authorization.substring(BEARER.length()).trim());
        } catch (ParseException e) {
            throw new AuthenticationFailedException("The service token is invalid or expired", e);
        }
    }

    private static JWTAuthContextInfo contextOf(CartConfig.ServiceTokens config) {
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        if (config.jwks().isPresent()) {
            info.setPublicKeyContent(config.jwks().get());
        } else {
            info.setPublicKeyLocation(config.jwksUrl()
                    .orElseThrow(() -> new IllegalStateException(
                            "No keys for service tokens: set SERVICE_JWT_JWKS or SERVICE_JWT_JWKS_URL")));
        }
        info.setIssuedBy(config.issuer());
        info.setExpectedAudience(Set.of(config.audience()));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setMaxTimeToLiveSecs(config.maxLifetime().toSeconds());
        info.setJwksRefreshInterval((int) Math.max(1, config.jwksRefresh().toMinutes()));
        info.setForcedJwksRefreshInterval(
                (int) Math.max(1, config.jwksForcedRefresh().toMinutes()));
        return info;
    }
}
