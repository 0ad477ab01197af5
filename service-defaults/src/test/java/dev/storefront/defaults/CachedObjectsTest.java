package dev.storefront.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.defaults.s3.CachedObjects;
import dev.storefront.local.infra.LocalS3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Against a real S3 API (s3proxy): what a cached copy serves, when it is revalidated, and what an outage leaves. */
class CachedObjectsTest {
    private static final String BUCKET = "cache-test";
    private static final Duration LONG = Duration.ofHours(1);

    private LocalS3 s3;
    private S3Client client;
    private CachedObjects<String> objects;

    @BeforeEach
    void start() {
        s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);
        client = s3.client();
        objects = cache(Clock.systemUTC(), CachedObjects.Bounds.DEFAULT);
    }

    private CachedObjects<String> cache(Clock clock, CachedObjects.Bounds bounds) {
        return cache(clock, bounds, Runnable::run);
    }

    private CachedObjects<String> cache(Clock clock, CachedObjects.Bounds bounds, Executor revalidator) {
        return new CachedObjects<>(
                client,
                BUCKET,
                Duration.ofSeconds(2),
                (key, body) -> Optional.of(new String(body, StandardCharsets.UTF_8)),
                clock,
                revalidator,
                bounds);
    }

    @AfterEach
    void stop() {
        client.close();
        s3.close();
    }

    @Test
    void aCopyServesWithinItsBoundAndIsRevalidatedAfter() {
        put("price", "100");
        assertEquals(Optional.of("100"), objects.fresh("price", LONG));

        put("price", "120");
        assertEquals(Optional.of("100"), objects.fresh("price", LONG), "within the bound: the copy in memory");
        assertEquals(Optional.of("120"), objects.fresh("price", Duration.ZERO), "past the bound: the bucket's");
        assertEquals(Optional.of("120"), objects.fresh("price", Duration.ZERO), "unchanged: a 304 keeps the copy");
    }

    @Test
    void pastHalfItsBoundAReadHandsOffOneRevalidationAndIsServedTheCopy() {
        MutableClock clock = new MutableClock();
        Deque<Runnable> handedOff = new ArrayDeque<>();
        CachedObjects<String> early = cache(clock, CachedObjects.Bounds.DEFAULT, handedOff::add);
        Duration bound = Duration.ofSeconds(10);
        put("price", "100");
        early.fresh("price", bound);
        put("price", "120");

        clock.advance(Duration.ofSeconds(4));
        assertEquals(Optional.of("100"), early.fresh("price", bound), "under half the bound: the copy in memory");
        assertEquals(0, handedOff.size(), "under half the bound: nothing to revalidate");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.of("100"), early.fresh("price", bound), "past half: still the copy, not waiting for S3");
        assertEquals(Optional.of("100"), early.fresh("price", bound));
        assertEquals(1, handedOff.size(), "one revalidation per key at a time");
        handedOff.remove().run();
        assertEquals(Optional.of("120"), early.fresh("price", bound), "revalidated: the bucket's");

        s3.close();
        clock.advance(Duration.ofSeconds(6));
        assertEquals(
                Optional.of("120"), early.fresh("price", bound), "S3 down past half: the copy is still young enough");
        handedOff.remove().run();
        assertEquals(Optional.of("120"), early.fresh("price", bound), "the revalidation failed: the copy still serves");
        assertEquals(1, handedOff.size(), "and the next read past half tries again");
        clock.advance(Duration.ofSeconds(5));
        assertThrows(SdkException.class, () -> early.fresh("price", bound), "past the bound: never served");
    }

    @Test
    void aMissingObjectIsEmptyUntilItIsPublished() {
        assertEquals(Optional.empty(), objects.fresh("later", LONG));
        put("later", "here");
        assertEquals(Optional.of("here"), objects.fresh("later", Duration.ZERO));
    }

    @Test
    void anOutageServesTheLastKnownCopyButNeverAStaleFreshOne() {
        put("price", "100");
        objects.fresh("price", LONG);
        s3.close();

        assertEquals(Optional.of("100"), objects.lastKnown("price", Duration.ZERO));
        assertThrows(SdkException.class, () -> objects.fresh("price", Duration.ZERO));
        assertThrows(SdkException.class, () -> objects.lastKnown("never-seen", Duration.ZERO));
    }

    @Test
    void atMostMaxEntriesCopiesAreHeld() {
        CachedObjects<String> small = cache(Clock.systemUTC(), new CachedObjects.Bounds(5, LONG));
        for (int i = 0; i < 50; i++) {
            put("product-" + i, "old");
            small.lastKnown("product-" + i, LONG);
        }
        for (int i = 0; i < 50; i++) {
            put("product-" + i, "new");
        }

        // Within the bound a copy held is served as it was; one dropped is read from the bucket again.
        long held = IntStream.range(0, 50)
                .filter(i -> small.lastKnown("product-" + i, LONG).equals(Optional.of("old")))
                .count();
        assertTrue(held <= 5, held + " copies held");
    }

    @Test
    void aCopyNobodyReadsForTheIdleTimeIsDropped() {
        MutableClock clock = new MutableClock();
        CachedObjects<String> idle = cache(clock, new CachedObjects.Bounds(100, Duration.ofMinutes(10)));
        put("read-often", "old");
        put("read-once", "old");
        idle.lastKnown("read-often", LONG);
        idle.lastKnown("read-once", LONG);
        for (int minute = 0; minute < 12; minute++) {
            clock.advance(Duration.ofMinutes(1));
            idle.lastKnown("read-often", LONG);
        }
        put("read-often", "new");
        put("read-once", "new");

        assertEquals(Optional.of("old"), idle.lastKnown("read-often", LONG), "read within the idle time: held");
        assertEquals(Optional.of("new"), idle.lastKnown("read-once", LONG), "idle too long: dropped, read again");
    }

    /** Time that moves only when the test says so. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private void put(String key, String body) {
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    }
}
