package dev.storefront.defaults.s3;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the service's bucket answers: without it no cart line or order is priced, no page published. */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = S3Settings.ENABLED, stringValue = "true")
public class BucketHealthCheck implements HealthCheck {
    private final S3Client s3;
    private final S3Settings settings;

    public BucketHealthCheck(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(settings.readiness().name()).withData("bucket", settings.bucket());
        try {
            s3.headBucket(b -> b.bucket(settings.bucket())
                    .overrideConfiguration(
                            o -> o.apiCallTimeout(settings.readiness().timeout())));
            return response.up().build();
        } catch (SdkException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
