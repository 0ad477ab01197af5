package dev.storefront.defaults.s3;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects of a bucket kept in memory, parsed, and revalidated with conditional GETs ({@code If-None-Match} on the
 * ETag): a copy older than the caller's bound costs S3 a 304 and no body when the object did not change. Only public
 * data any instance rebuilds by itself belongs here, so a service that uses it stays stateless.
 *
 * <p>Two ways to read: {@link #fresh} never returns a copy older than its bound (a failure to revalidate is the
 * caller's to handle), and {@link #lastKnown} prefers an old copy to no answer. A copy read past half its bound is
 * revalidated ahead of time, off the reading thread, so a key read all the time never makes a reader wait for S3.
 *
 * <p>The keys come from requests (a sku in a URL), so the memory is bounded: at most {@link Bounds#maxEntries()}
 * copies, the least useful dropped first, and a copy nobody asked for within {@link Bounds#idle()} is dropped.
 *
 * @param <T> the parsed object; the parser gets the key and the body and may return empty for an unusable object
 */
public final class CachedObjects<T> {
    private final S3Client s3;
    private final String bucket;
    private final Duration callTimeout;
    private final BiFunction<String, byte[], Optional<T>> parser;
    private final Clock clock;
    private final Executor revalidator;
    private final Cache<String, Copy<T>> copies;
    private final Set<String> revalidating = ConcurrentHashMap.newKeySet();

    /**
     * How much a cache may hold.
     *
     * @param maxEntries copies held at most; more than the bucket has objects a service reads, or copies are dropped
     *     and fetched again all the time
     * @param idle a copy not read for this long is dropped (an outage then has no last known copy of it to serve)
     */
    public record Bounds(int maxEntries, Duration idle) {
        /** Room for any catalog of this shop; a copy unread for an hour is dropped. */
        public static final Bounds DEFAULT = new Bounds(10_000, Duration.ofHours(1));
    }

    /**
     * @param revalidator runs the revalidations ahead of time (a service's worker pool); at most one per key is queued
     *     or running at any moment, so it never holds more than {@link Bounds#maxEntries()} of them
     */
    public CachedObjects(
            S3Client s3,
            String bucket,
            Duration callTimeout,
            BiFunction<String, byte[], Optional<T>> parser,
            Clock clock,
            Executor revalidator,
            Bounds bounds) {
        this.s3 = s3;
        this.bucket = bucket;
        this.callTimeout = callTimeout;
        this.parser = parser;
        this.clock = clock;
        this.revalidator = revalidator;
        this.copies = Caffeine.newBuilder()
                .maximumSize(bounds.maxEntries())
                .expireAfterAccess(bounds.idle())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                // Evicting on the caller's thread keeps the bound exact at every moment, at the cost of a little work
                // now and then on a request; a pool thread would let the cache run over it for a while.
                .executor(Runnable::run)
                .build();
    }

    /**
     * The object as the bucket showed it at most {@code maxAge} ago (empty when there is no such key, or it is
     * unusable): from memory when that copy is recent enough, else revalidated now.
     *
     * @throws SdkException when the bucket cannot be read; no older copy is used
     */
    public Optional<T> fresh(String key, Duration maxAge) {
        Instant now = clock.instant();
        Copy<T> copy = copies.getIfPresent(key);
        if (copy != null && copy.youngerThan(maxAge, now)) {
            return servedOrRevalidatedEarly(key, copy, maxAge, now);
        }
        return revalidate(key, copy, now).value();
    }

    /**
     * Like {@link #fresh}, but an old copy beats no answer. While one request revalidates an expired copy, others are
     * served that copy instead of waiting for S3 too; when the bucket cannot be read the copy is served for another
     * {@code maxAge}, so an outage does not cost every request a timeout.
     *
     * @throws SdkException only when the bucket cannot be read and no copy is held
     */
    public Optional<T> lastKnown(String key, Duration maxAge) {
        Instant now = clock.instant();
        Copy<T> copy = copies.getIfPresent(key);
        if (copy != null && copy.youngerThan(maxAge, now)) {
            return servedOrRevalidatedEarly(key, copy, maxAge, now);
        }
        if (copy != null && !revalidating.add(key)) {
            return copy.value(); // another request is revalidating it right now
        }
        try {
            return revalidate(key, copy, now).value();
        } catch (SdkException e) {
            if (copy == null) {
                throw e;
            }
            copies.put(key, copy.checkedAt(now));
            return copy.value();
        } finally {
            if (copy != null) {
                revalidating.remove(key);
            }
        }
    }

    /**
     * Whether a copy of {@code key} (or of its absence) is in memory, however old: reading it then costs the bucket at
     * most a revalidation, never a first fetch. Not a read: the copy's idle time is not reset.
     */
    public boolean holds(String key) {
        return copies.asMap().containsKey(key);
    }

    /**
     * A copy within its bound is served as it is. Once it is past half its bound, the first read to see that also hands
     * its revalidation to the {@code revalidator}, and is served the copy like every other read. A key read all the
     * time so never reaches its bound, and no reader waits for S3: when one request per key and half bound did the
     * revalidation itself, that request waited for the bucket (in the checkout benchmark, 32 skus every 2.5 s: about 1 %
     * of checkouts, where the p99 sits); before that, every request in flight when the bound passed waited at once. If the
     * revalidation fails, the copy is still young enough to serve; the next read past half the bound tries again.
     */
    private Optional<T> servedOrRevalidatedEarly(String key, Copy<T> copy, Duration maxAge, Instant now) {
        // Not maxAge.dividedBy(2): that goes through BigDecimal, on a path every read of a cached object takes.
        if (!copy.youngerThan(Duration.ofNanos(maxAge.toNanos() / 2), now) && revalidating.add(key)) {
            try {
                revalidator.execute(() -> revalidateAhead(key, copy));
            } catch (RejectedExecutionException e) {
                revalidating.remove(key); // shutting down; the copy is young enough for this read
            }
        }
        return copy.value();
    }

    private void revalidateAhead(String key, Copy<T> copy) {
        try {
            revalidate(key, copy, clock.instant());
        } catch (SdkException e) {
            // The copy stays, still within its bound; a read that finds it past its bound revalidates or fails itself.
        } finally {
            revalidating.remove(key);
        }
    }

    /** @param now taken before the request: the copy is known current as of then, never later */
    private Copy<T> revalidate(String key, Copy<T> copy, Instant now) {
        Copy<T> fresh;
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> {
                b.bucket(bucket).key(key).overrideConfiguration(o -> o.apiCallTimeout(callTimeout));
                if (copy != null && copy.etag() != null) {
                    b.ifNoneMatch(copy.etag());
                }
            });
            fresh = new Copy<>(
                    parser.apply(key, object.asByteArray()), object.response().eTag(), now);
        } catch (NoSuchKeyException e) {
            fresh = new Copy<>(Optional.empty(), null, now);
        } catch (S3Exception e) {
            if (e.statusCode() != 304 || copy == null) {
                throw e;
            }
            fresh = copy.checkedAt(now);
        }
        copies.put(key, fresh);
        return fresh;
    }

    /** An object (or its absence) as the bucket showed it at {@code checkedAt}. */
    private record Copy<T>(Optional<T> value, String etag, Instant checkedAt) {
        boolean youngerThan(Duration maxAge, Instant now) {
            return now.isBefore(checkedAt.plus(maxAge));
        }

        Copy<T> checkedAt(Instant when) {
            return new Copy<>(value, etag, when);
        }
    }
}
