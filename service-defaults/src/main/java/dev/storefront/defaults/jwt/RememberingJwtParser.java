package dev.storefront.defaults.jwt;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's parser bean, the one Quarkus verifies every bearer token
 * with. Only {@link #parse(String)} is remembered: that is the request path; every other method, and every parser a
 * service builds itself (cart-service's service-token verifier), verifies each time.
 */
@Decorator
@Priority(1)
abstract class RememberingJwtParser implements JWTParser {
    @Inject
    @Delegate
    JWTParser parser;

    @Inject
    VerifiedTokens verifiedTokens;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verifiedTokens.verify(token, parser::parse);
    }
}
