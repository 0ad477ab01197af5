package dev.storefront.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 test resource gives a real S3 API that stores objects and refuses anyone without its keys. */
class LocalS3Test {
    private static final S3TestResource RESOURCE = new S3TestResource();
    private static Map<String, String> config;

    @BeforeAll
    static void start() {
        RESOURCE.init(Map.of("bucket", "round-trip"));
        config = RESOURCE.start();
    }

    @AfterAll
    static void stop() {
        RESOURCE.stop();
    }

    @Test
    void roundTripsAnObjectWithItsMetadata() {
        try (S3Client s3 = client(config.get("S3_ACCESS_KEY_ID"), config.get("S3_SECRET_ACCESS_KEY"))) {
            s3.putObject(
                    b -> b.bucket("round-trip")
                            .key("catalog/products/sku-1.json")
                            .contentType("application/json")
                            .cacheControl("max-age=60"),
                    RequestBody.fromString("{\"sku\":\"sku-1\"}"));
            var object = s3.getObjectAsBytes(b -> b.bucket("round-trip").key("catalog/products/sku-1.json"));
            assertEquals("{\"sku\":\"sku-1\"}", object.asUtf8String());
            assertEquals("application/json", object.response().contentType());
            assertEquals("max-age=60", object.response().cacheControl());
        }
    }

    @Test
    void refusesRequestsSignedWithOtherKeys() {
        try (S3Client intruder = client(config.get("S3_ACCESS_KEY_ID"), "not-the-secret")) {
            S3Exception e = assertThrows(S3Exception.class, intruder::listBuckets);
            assertEquals(403, e.statusCode());
        }
    }

    private static S3Client client(String accessKey, String secretKey) {
        return LocalS3.client(
                java.net.URI.create(config.get("S3_ENDPOINT")), config.get("S3_REGION"), accessKey, secretKey);
    }
}
