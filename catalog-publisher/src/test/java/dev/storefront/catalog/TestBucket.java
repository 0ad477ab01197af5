package dev.storefront.catalog;

import dev.storefront.local.infra.LocalS3;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The storefront bucket as the tests read it: through an S3 client of their own, built from the settings
 * {@link PublisherTestResource} hands the app. Tests that read the bucket this way run against the packaged app too,
 * where nothing of the app can be injected.
 */
final class TestBucket {
    /** The settings live in system properties of the test JVM, where the test resources run in both modes. */
    private static final String PREFIX = "storefront-test.catalog.s3.";

    /** One client per S3 API: a test profile restarts the resources, and with them the S3 API on another port. */
    private static final Map<String, S3Client> CLIENTS = new ConcurrentHashMap<>();

    private TestBucket() {}

    /** Remembers the S3 API's settings, named as the environment variables the app reads ({@code S3_BUCKET}, ...). */
    static void use(Map<String, String> s3) {
        s3.forEach((name, value) -> System.setProperty(PREFIX + name, value));
    }

    static String name() {
        return setting("S3_BUCKET");
    }

    static S3Client client() {
        return CLIENTS.computeIfAbsent(
                setting("S3_ENDPOINT"),
                endpoint -> LocalS3.client(
                        URI.create(endpoint),
                        setting("S3_REGION"),
                        setting("S3_ACCESS_KEY_ID"),
                        setting("S3_SECRET_ACCESS_KEY")));
    }

    private static String setting(String name) {
        return Objects.requireNonNull(System.getProperty(PREFIX + name), name + " is set by PublisherTestResource");
    }
}
