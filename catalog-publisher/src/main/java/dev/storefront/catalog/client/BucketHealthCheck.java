package dev.storefront.catalog.client;

import dev.storefront.catalog.config.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the storefront bucket answers: it is where every page is published. */
@Readiness
@ApplicationScoped
public class BucketHealthCheck implements HealthCheck {
    private final S3Client s3;
    private final CatalogConfig config;

    public BucketHealthCheck(S3Client s3, CatalogConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("storefront-bucket").withData("bucket", config.bucket());
        try {
            s3.headBucket(b -> b.bucket(config.bucket())
                    .overrideConfiguration(o -> o.apiCallTimeout(config.bucketCheckTimeout())));
            return response.up().build();
        } catch (SdkException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
