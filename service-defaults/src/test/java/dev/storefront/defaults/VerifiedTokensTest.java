package dev.storefront.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.storefront.defaults.jwt.VerifiedTokens;
import dev.storefront.local.infra.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real RS256 tokens, verified by smallrye-jwt's own parser (no clock skew): what remembering a verified token may and
 * may not change about who gets in.
 */
class VerifiedTokensTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger verifications = new AtomicInteger();
    private DefaultJWTParser parser;
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        parser = TestTokenParser.create();
        tokens = new VerifiedTokens(100, MAX_AGE, Clock.systemUTC(), ticker);
    }

    private JsonWebToken verify(String token) throws ParseException {
        return tokens.verify(token, t -> {
            verifications.incrementAndGet();
            return parser.parse(t);
        });
    }

    @Test
    void aTokenIsVerifiedOnceAMinuteHoweverOftenItComes() throws Exception {
        UUID shopper = UUID.randomUUID();
        String token = TestTokens.customer(shopper);
        for (int i = 0; i < 5; i++) {
            assertEquals(shopper.toString(), verify(token).getSubject());
        }
        assertEquals(1, verifications.get());

        nanos.addAndGet(MAX_AGE.plusSeconds(1).toNanos());
        assertEquals(shopper.toString(), verify(token).getSubject());
        assertEquals(2, verifications.get(), "verified again once the maximum age has passed");
    }

    @Test
    void eachTokenAnswersForItsOwnShopper() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String aliceToken = TestTokens.customer(alice);
        String bobToken = TestTokens.customer(bob);
        for (int i = 0; i < 3; i++) {
            assertEquals(alice.toString(), verify(aliceToken).getSubject());
            assertEquals(bob.toString(), verify(bobToken).getSubject());
        }
        assertEquals(2, verifications.get());
    }

    @Test
    void signingInWithARememberedTokenNeedsNoVerification() throws Exception {
        UUID shopper = UUID.randomUUID();
        String token = TestTokens.customer(shopper);
        assertTrue(tokens.remembered(token).isEmpty(), "not verified yet: nothing to sign in with");

        verify(token);
        assertEquals(shopper.toString(), tokens.remembered(token).orElseThrow().getSubject());

        nanos.addAndGet(MAX_AGE.plusSeconds(1).toNanos());
        assertTrue(tokens.remembered(token).isEmpty(), "forgotten once the maximum age has passed");
        assertEquals(1, verifications.get());
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        String forged = TestTokens.forged(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> verify(forged));
        }
        assertEquals(3, verifications.get(), "a refusal is not remembered: each try is verified");
    }

    @Test
    void rememberingATokenNeverOutlivesItsExpiry() throws Exception {
        tokens = new VerifiedTokens(100, MAX_AGE, Clock.systemUTC(), Ticker.systemTicker());
        String token = TestTokens.customerExpiringIn(Duration.ofSeconds(2), UUID.randomUUID());
        verify(token);
        Thread.sleep(2_500);
        assertTrue(tokens.remembered(token).isEmpty(), "not remembered past exp");
        assertThrows(ParseException.class, () -> verify(token), "refused once exp has passed, though remembered");
        assertEquals(2, verifications.get());
    }

    @Test
    void aMaximumAgeOfZeroVerifiesEveryRequest() throws Exception {
        tokens = new VerifiedTokens(100, Duration.ZERO, Clock.systemUTC(), ticker);
        String token = TestTokens.customer(UUID.randomUUID());
        verify(token);
        verify(token);
        assertEquals(2, verifications.get());
    }
}
