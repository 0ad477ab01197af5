package dev.storefront.order.client;

import dev.storefront.order.config.OrderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the catalog bucket answers: without it no order can be priced. */
@Readiness
@ApplicationScoped
public class BucketHealthCheck implements HealthCheck {
    private final S3Client s3;
    private final OrderConfig config;

    public BucketHealthCheck(S3Client s3, OrderConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("catalog-bucket").withData("bucket", config.bucket());
        try {
            s3.headBucket(b -> b.bucket(config.bucket())
                    .overrideConfiguration(o -> o.apiCallTimeout(config.bucketCheckTimeout())));
            return response.up().build();
        } catch (SdkException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
