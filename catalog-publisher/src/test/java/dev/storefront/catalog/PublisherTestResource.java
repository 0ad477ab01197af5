package dev.storefront.catalog;

import dev.storefront.local.infra.S3TestResource;
import java.util.HashMap;
import java.util.Map;

/**
 * The S3 API with the storefront bucket, plus the environment the publisher is tested with: the sample catalog seeded on
 * start, four uploads in flight (tests share two cores with other builds) and a patient readiness probe. Given as the
 * environment variables production sets, because the packaged app of the ITs runs with the prod profile. The bucket's
 * settings are also left to {@link TestBucket}, through which the tests read it.
 */
public class PublisherTestResource extends S3TestResource {
    @Override
    public Map<String, String> start() {
        Map<String, String> s3 = super.start();
        TestBucket.use(s3);
        Map<String, String> config = new HashMap<>(s3);
        config.put("CATALOG_SEED_SAMPLE", "true");
        config.put("CATALOG_PUBLISH_PARALLELISM", "4");
        config.put("storefront.s3.readiness.timeout", "10s");
        return config;
    }
}
