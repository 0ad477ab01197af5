package dev.storefront.local.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Points a service's token verification (smallrye-jwt) at the JWKS of {@link TestTokens}, with the issuer and audience
 * of account-service's tokens. Tests then call {@code TestTokens.customer(id)} for a real signed token. A service that
 * trusts order-service's service tokens (cart-service) gets the public key of {@link TestServiceTokens} as well.
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        try {
            Path jwks = Files.createTempFile("storefront-jwks-", ".json");
            Files.writeString(jwks, TestTokens.jwksJson());
            jwks.toFile().deleteOnExit();
            return Map.of(
                    "JWT_JWKS_URL",
                    jwks.toUri().toString(),
                    "JWT_ISSUER",
                    TestTokens.ISSUER,
                    "SERVICE_JWT_JWKS",
                    TestServiceTokens.jwksJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {}
}
