package dev.storefront.account.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies bearer tokens against this service's own public keys, held in memory, instead of fetching a JWKS over the
 * network. Everything else (RS256 only, issuer, audience, expiry) is smallrye-jwt's standard verification, configured
 * with the {@code mp.jwt.verify.*} properties.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class OwnKeysPrincipalFactory extends JWTCallerPrincipalFactory {
    private final DefaultJWTTokenParser parser;

    public OwnKeysPrincipalFactory(SigningKeys keys) {
        List<JsonWebKey> publicKeys =
                keys.all().stream().map(k -> (JsonWebKey) k).toList();
        VerificationKeyResolver resolver = new JwksVerificationKeyResolver(publicKeys);
        this.parser = new DefaultJWTTokenParser() {
            @Override
            protected VerificationKeyResolver getVerificationKeyResolver(JWTAuthContextInfo info) {
                return resolver;
            }
        };
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
        JwtContext context = parser.parse(token, info);
        String type = context.getJoseObjects().get(0).getHeader("typ");
        return new DefaultJWTCallerPrincipal(type, context.getJwtClaims());
    }
}
