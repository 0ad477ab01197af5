package dev.storefront.defaults.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this service has verified lately, so that a shopper's next requests with the same token skip the
 * parse and the RS256 check (a shopper sends one access token with every request for its whole lifetime).
 *
 * <p>A remembered token is served for at most {@code maxAge}, and never once its {@code exp} has passed: remembering
 * must not lengthen a token's life. Only tokens that verified are remembered; a bad one is checked afresh each time.
 * At most {@code maxEntries} tokens are held, the least used dropped first.
 *
 * <p>What it costs: a key removed from the JWKS keeps admitting tokens it signed and that this service verified just
 * before, for at most {@code maxAge} more (the verifier itself keeps the old key set for up to five minutes anyway;
 * docs/security.md).
 */
public final class VerifiedTokens {
    /** The full verification of one token: smallrye-jwt's parser. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> tokens;

    /**
     * @param maxEntries tokens held at most
     * @param maxAge how long a verified token is served from memory; zero turns remembering off
     * @param clock the wall clock {@code exp} is compared with
     * @param ticker Caffeine's clock for {@code maxAge} ({@link Ticker#systemTicker()} outside tests)
     */
    public VerifiedTokens(long maxEntries, Duration maxAge, Clock clock, Ticker ticker) {
        this.tokens = Caffeine.newBuilder()
                .maximumSize(maxAge.isZero() ? 0 : maxEntries)
                .expireAfter(new UntilExpiry(maxAge, clock))
                .ticker(ticker)
                .recordStats()
                .build();
    }

    /** {@code token}'s claims if it verified within the bounds above; else empty (counted as a miss). */
    public Optional<JsonWebToken> remembered(String token) {
        return Optional.ofNullable(tokens.getIfPresent(token));
    }

    /**
     * {@code token}'s claims: remembered if it verified within the bounds above, else verified by {@code verifier}.
     * A request's token was looked up by {@link #remembered} first ({@link RememberedIdentities}), so this lookup is
     * not counted again in the cache's statistics.
     */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        JsonWebToken known = tokens.policy().getIfPresentQuietly(token);
        if (known != null) {
            return known;
        }
        JsonWebToken verified = verifier.verify(token);
        tokens.put(token, verified);
        return verified;
    }

    /** The cache itself, for its metrics. */
    Cache<String, JsonWebToken> cache() {
        return tokens;
    }

    /** Each token is held until its {@code exp} or for {@code maxAge}, whichever comes first. */
    private record UntilExpiry(Duration maxAge, Clock clock) implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            long untilExp = Math.max(0, jwt.getExpirationTime() * 1000 - clock.millis());
            return Duration.ofMillis(Math.min(untilExp, maxAge.toMillis())).toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
