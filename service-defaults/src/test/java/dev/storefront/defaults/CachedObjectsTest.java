package dev.storefront.defaults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.defaults.s3.CachedObjects;
import dev.storefront.local.infra.LocalS3;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
        objects = new CachedObjects<>(
                client,
                BUCKET,
                Duration.ofSeconds(2),
                (key, body) -> Optional.of(new String(body, StandardCharsets.UTF_8)),
                Clock.systemUTC());
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

    private void put(String key, String body) {
        client.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    }
}
