package dev.storefront.defaults;

import dev.storefront.local.infra.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.util.Set;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

/** smallrye-jwt's own parser, trusting {@link TestTokens}' published key, issuer and audience, with no clock skew. */
final class TestTokenParser {
    private TestTokenParser() {}

    static DefaultJWTParser create() throws Exception {
        PublicJsonWebKey key = (PublicJsonWebKey)
                new JsonWebKeySet(TestTokens.jwksJson()).getJsonWebKeys().get(0);
        JWTAuthContextInfo info = new JWTAuthContextInfo(key.getPublicKey(), TestTokens.ISSUER);
        info.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
        info.setClockSkew(0);
        return new DefaultJWTParser(info);
    }
}
