package dev.storefront.catalog;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.S3ClientConfig;
import dev.storefront.local.infra.S3TestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The local S3 API sized for the benchmark: in memory, with a heap that holds a 10,000-product site (about 30,000
 * objects; the shop's small s3proxy JVM runs out at about 24,000) and the full JIT, so the stand-in for S3 is not
 * what is measured.
 */
public class BenchmarkS3TestResource implements QuarkusTestResourceLifecycleManager {
    private LocalS3 s3;

    @Override
    public Map<String, String> start() {
        try {
            s3 = LocalS3.start(
                    null,
                    FreePort.pick(),
                    Files.createTempDirectory("storefront-bench-s3-"),
                    List.of("-Xmx1g", "-XX:+UseParallelGC"));
            s3.ensureBucket(S3TestResource.DEFAULT_BUCKET);
            return S3ClientConfig.environment(s3, S3TestResource.DEFAULT_BUCKET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
    }
}
