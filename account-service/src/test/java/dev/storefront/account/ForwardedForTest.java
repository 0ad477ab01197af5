package dev.storefront.account;

import static dev.storefront.account.LoginTest.MAX_CLIENT_FAILURES;
import static dev.storefront.account.LoginTest.assertLocked;
import static dev.storefront.account.LoginTest.attempt;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-client sign-in limit as deployed in AWS: CloudFront, then the ALB, each appending to {@code X-Forwarded-For}
 * ({@code FORWARDED_HOPS=2}), with the ALB reachable from the internet too. Here the test client plays the ALB (its
 * connection comes from loopback, a trusted proxy) and {@value #CLOUDFRONT} plays a CloudFront edge.
 */
@QuarkusTest
@TestProfile(ForwardedForTest.BehindCloudFront.class)
@WithTestResource(AccountTestResource.class)
class ForwardedForTest {
    /** An address of CloudFront's, in {@code TRUSTED_PROXIES} below (a documentation range standing in for it). */
    static final String CLOUDFRONT = "192.0.2.10";

    public static class BehindCloudFront implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "account.forwarded-hops", "2",
                    "account.trusted-proxies", "127.0.0.0/8,::1/128,192.0.2.0/24");
        }
    }

    @Test
    void aClientThatSkipsCloudFrontIsCountedByItsOwnAddressWhateverItSends() {
        String attacker = Api.uniqueClient(); // the address the ALB sees: not CloudFront's
        for (int i = 0; i < MAX_CLIENT_FAILURES; i++) {
            // The ALB appends the attacker's address to a header the attacker made up, a new one every time.
            attempt(Api.uniqueEmail(), "wrong", "198.18.0." + i + ", " + attacker)
                    .then()
                    .statusCode(401);
        }
        String email = Api.uniqueEmail();
        Api.signUp(email);
        assertLocked(attempt(email, Api.PASSWORD, "198.18.1.1, " + attacker));
    }

    @Test
    void throughCloudFrontTheViewerIsTheClient() {
        String viewer = Api.uniqueClient();
        for (int i = 0; i < MAX_CLIENT_FAILURES; i++) {
            // The left-most entry is the viewer's own invention; CloudFront appended the viewer, the ALB CloudFront.
            attempt(Api.uniqueEmail(), "wrong", "10.9.8." + i + ", " + viewer + ", " + CLOUDFRONT)
                    .then()
                    .statusCode(401);
        }
        String email = Api.uniqueEmail();
        Api.signUp(email);
        assertLocked(attempt(email, Api.PASSWORD, "203.0.113.5, " + viewer + ", " + CLOUDFRONT));
        // Another shopper coming through the same CloudFront edge is not locked out with the guesser.
        attempt(email, Api.PASSWORD, Api.uniqueClient() + ", " + CLOUDFRONT)
                .then()
                .statusCode(200);
    }
}
