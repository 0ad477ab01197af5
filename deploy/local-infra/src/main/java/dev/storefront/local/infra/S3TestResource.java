package dev.storefront.local.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts an in-memory S3 API (s3proxy) on a random port with one bucket, and points the Quarkus S3 client at it. The
 * bucket name is the {@code bucket} init arg (default {@value #DEFAULT_BUCKET}) and is exposed as {@code S3_BUCKET}.
 */
public class S3TestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DEFAULT_BUCKET = "storefront-pages";

    private String bucket = DEFAULT_BUCKET;
    private LocalS3 s3;

    @Override
    public void init(Map<String, String> initArgs) {
        bucket = initArgs.getOrDefault("bucket", DEFAULT_BUCKET);
    }

    @Override
    public Map<String, String> start() {
        s3 = LocalS3.startTransient();
        s3.ensureBucket(bucket);
        return S3ClientConfig.environment(s3, bucket);
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
    }
}
