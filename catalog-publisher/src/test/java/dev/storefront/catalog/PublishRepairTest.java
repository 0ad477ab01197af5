package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** A change saved while the bucket cannot be written still reaches the storefront once the bucket is back. */
@QuarkusTest
@TestProfile(PublishRepairTest.QuickRepair.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class PublishRepairTest {

    public static class QuickRepair implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.publish.repair-every", "1s");
        }
    }

    @Test
    void failedPublishIsRepairedWhenTheBucketIsBack() throws InterruptedException {
        removeBucket();
        Map<String, Object> product = Products.create(Products.valid("garden", "Test Hose"));
        String page = ChangePublishTest.pageOf(product);
        lastPublish(false);

        TestBucket.client().createBucket(r -> r.bucket(TestBucket.name()));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        // The page is written before the listings that link to it: wait for the whole repair, not just the page.
        while (!(BucketSnapshot.exists(page) && lastPublishSucceeded())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertTrue(BucketSnapshot.exists(page), "the saved product's page was published");
        assertTrue(PublishedListing.lists(product.get("sku")), "and listed");
        assertTrue(BucketSnapshot.exists("index.html"), "and the rest of the site with it");
        lastPublish(true);
    }

    private void lastPublish(boolean succeeded) {
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/publish/last")
                .then()
                .statusCode(200)
                .body("succeeded", org.hamcrest.Matchers.equalTo(succeeded));
    }

    private boolean lastPublishSucceeded() {
        return ChangePublishTest.lastPublish().getBoolean("succeeded");
    }

    private void removeBucket() {
        S3Client s3 = TestBucket.client();
        List<ObjectIdentifier> keys = s3.listObjectsV2Paginator(r -> r.bucket(TestBucket.name())).contents().stream()
                .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                .toList();
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
            s3.deleteObjects(r -> r.bucket(TestBucket.name())
                    .delete(Delete.builder().objects(batch).build()));
        }
        s3.deleteBucket(r -> r.bucket(TestBucket.name()));
        assertFalse(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(TestBucket.name())));
    }
}
