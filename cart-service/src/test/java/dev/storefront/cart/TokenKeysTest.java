package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * How this service follows account-service's signing keys (JWKS over HTTP, {@code max-age=300}): the behaviour the key
 * rotation runbook relies on. The same settings (service-defaults) serve order-service and catalog-publisher.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class TokenKeysTest {
    /** smallrye.jwt.jwks.forced-refresh-interval, and some slack for a loaded machine. */
    private static final Duration ONE_MINUTE_AND_SLACK = Duration.ofSeconds(75);

    @Test
    void madeUpKeyIdsNeitherFloodTheJwksNorHoldUpAKeyRotationForMoreThanAMinute() throws InterruptedException {
        UUID shopper = UUID.randomUUID();
        CartClient.withBearer(TestTokens.customer(shopper)).create().statusCode(201);

        // Tokens with kids nobody published: each is refused, and together they cost at most one fetch of the JWKS.
        int fetchesBefore = JwtTestResource.fetches();
        for (int i = 0; i < 20; i++) {
            CartApiTest.expectUnauthenticated(
                    CartClient.withBearer(TestTokens.customerSignedBy(TestTokens.newKey(), UUID.randomUUID()))
                            .create());
        }
        int fetches = JwtTestResource.fetches() - fetchesBefore;
        assertTrue(fetches <= 1, "made-up kids fetched the JWKS " + fetches + " times");

        // Right after them, account-service starts signing with a newly appended key. Its tokens are accepted within
        // a minute (with smallrye-jwt's default of 30 minutes between forced fetches they were refused for 30).
        RsaJsonWebKey next = TestTokens.newKey();
        TestTokens.publish(next);
        Instant deadline = Instant.now().plus(ONE_MINUTE_AND_SLACK);
        int status;
        do {
            status = CartClient.withBearer(TestTokens.customerSignedBy(next, UUID.randomUUID()))
                    .create()
                    .extract()
                    .statusCode();
            if (status != 201) {
                Thread.sleep(1_000);
            }
        } while (status != 201 && Instant.now().isBefore(deadline));
        assertEquals(201, status, "a token signed by the newly published key");
        // The key signing before the rotation is still in the set, so its tokens stay valid until they expire.
        CartClient.withBearer(TestTokens.customer(UUID.randomUUID())).create().statusCode(201);
    }
}
