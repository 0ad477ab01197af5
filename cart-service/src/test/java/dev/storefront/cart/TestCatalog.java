package dev.storefront.cart;

import dev.storefront.local.infra.CatalogDocuments;
import dev.storefront.local.infra.LocalS3;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalog contract's product documents, written into the bucket of the app under test as catalog-publisher writes
 * them. Not a bean: an integration test runs in another JVM than the packaged app, so this reaches the bucket with the
 * S3 settings the test resource handed the app ({@code storefront.s3.*}).
 */
public final class TestCatalog extends CatalogDocuments {
    /** One client per S3 API (the test resource starts one per app start), shared by all tests. */
    private static final Map<URI, S3Client> CLIENTS = new ConcurrentHashMap<>();

    private TestCatalog(S3Client s3, String bucket) {
        super(s3, bucket);
    }

    /** The catalog of the app under test. */
    static TestCatalog ofAppUnderTest() {
        Config config = ConfigProvider.getConfig();
        URI endpoint = config.getValue("storefront.s3.endpoint", URI.class);
        S3Client s3 = CLIENTS.computeIfAbsent(endpoint, e -> client(config, e));
        return new TestCatalog(s3, config.getValue("storefront.s3.bucket", String.class));
    }

    private static S3Client client(Config config, URI endpoint) {
        return LocalS3.client(
                endpoint,
                config.getValue("storefront.s3.region", String.class),
                config.getValue("storefront.s3.access-key-id", String.class),
                config.getValue("storefront.s3.secret-access-key", String.class));
    }
}
