package dev.storefront.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.defaults.jwt.ServiceToken;
import dev.storefront.defaults.jwt.ServiceTokenSettings;
import dev.storefront.defaults.jwt.ServiceTokenVerifier;
import dev.storefront.defaults.jwt.ServiceTokensUnavailable;
import dev.storefront.local.infra.TestServiceTokens;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.security.AuthenticationFailedException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real RS256 service tokens against the shared verifier, with the keys given inline, and with none. */
class ServiceTokenVerifierTest {
    private final ServiceTokenVerifier verifier =
            new ServiceTokenVerifier(settings(Optional.of(TestServiceTokens.jwksJson())));

    @Test
    void aValidServiceTokenGivesItsScopeAndClaims() {
        ServiceToken token = verifier.verify("Bearer " + TestServiceTokens.availability("ABC-1"));
        assertTrue(verifier.configured());
        assertTrue(token.hasScope(TestServiceTokens.CATALOG_AVAILABILITY));
        assertFalse(token.hasScope("catalog"), "a scope is a whole word");
        assertEquals("ABC-1", token.text("sku"));
        assertEquals("order-service", token.subject());
        assertEquals("", token.text("no-such-claim"));
    }

    @Test
    void anAbsentOrBadTokenIsAnAuthenticationFailure() {
        String sku = "ABC-1";
        for (String header : new String[] {
            null,
            "",
            TestServiceTokens.availability(sku), // no "Bearer "
            "Basic " + TestServiceTokens.availability(sku),
            "Bearer " + TestServiceTokens.availabilityForged(sku),
            "Bearer " + TestServiceTokens.availabilityExpired(sku),
            "Bearer " + TestServiceTokens.availabilityForCarts(sku),
            "Bearer " + TestServiceTokens.longLived(UUID.randomUUID(), UUID.randomUUID()),
            "Bearer " + TestTokens.admin(UUID.randomUUID())
        }) {
            assertThrows(AuthenticationFailedException.class, () -> verifier.verify(header), String.valueOf(header));
        }
    }

    @Test
    void withoutKeysItIsBuiltButVerifiesNothing() {
        ServiceTokenVerifier unconfigured = new ServiceTokenVerifier(settings(Optional.empty()));
        assertFalse(unconfigured.configured());
        assertThrows(
                ServiceTokensUnavailable.class,
                () -> unconfigured.verify("Bearer " + TestServiceTokens.availability("ABC-1")));
    }

    private static ServiceTokenSettings settings(Optional<String> jwks) {
        return new ServiceTokenSettings() {
            @Override
            public Optional<String> jwks() {
                return jwks;
            }

            @Override
            public Optional<String> jwksUrl() {
                return Optional.empty();
            }

            @Override
            public String issuer() {
                return TestServiceTokens.ISSUER;
            }

            @Override
            public String audience() {
                return TestServiceTokens.CATALOG_AUDIENCE;
            }

            @Override
            public Duration jwksRefresh() {
                return Duration.ofMinutes(10);
            }

            @Override
            public Duration jwksForcedRefresh() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Duration maxLifetime() {
                return Duration.ofMinutes(5);
            }
        };
    }
}
