package dev.storefront.local.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that point a service's S3 client at a {@link LocalS3}: the same environment variable names a service
 * reads in production ({@code S3_BUCKET}, {@code S3_ENDPOINT}, ...), usable as config properties or as a process
 * environment.
 */
public final class S3ClientConfig {
    private S3ClientConfig() {}

    public static Map<String, String> environment(LocalS3 s3, String bucket) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("S3_BUCKET", bucket);
        env.put("S3_ENDPOINT", s3.endpoint().toString());
        env.put("S3_REGION", LocalS3.REGION);
        env.put("S3_PATH_STYLE", "true");
        env.put("S3_ACCESS_KEY_ID", s3.accessKey());
        env.put("S3_SECRET_ACCESS_KEY", s3.secretKey());
        return env;
    }
}
