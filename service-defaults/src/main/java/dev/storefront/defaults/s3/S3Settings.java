package dev.storefront.defaults.s3;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How a service reaches its bucket. In AWS only the bucket and the region matter (credentials come from the task
 * role); locally the endpoint, path style and static keys point the client at s3proxy. The environment variables are
 * mapped in this library's defaults ({@code S3_BUCKET}, {@code S3_REGION}, {@code S3_ENDPOINT}, ...).
 */
@ConfigMapping(prefix = "storefront.s3")
public interface S3Settings {
    /**
     * Build time: whether this service uses S3 at all. Only then are the client and the bucket's readiness check
     * beans of the service.
     */
    String ENABLED = "storefront.s3.enabled";

    /** See {@link #ENABLED}: read at build time, listed here so the mapping knows the property. */
    @WithDefault("false")
    boolean enabled();

    /** The bucket the service reads the published catalog from, or publishes the storefront into. */
    @WithDefault("storefront-pages")
    String bucket();

    @WithDefault("us-east-1")
    String region();

    Optional<URI> endpoint();

    @WithDefault("false")
    boolean pathStyle();

    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    /** Pooled HTTP connections to S3: enough for every upload or read in flight at once. */
    @WithDefault("50")
    int maxConnections();

    Readiness readiness();

    /** The readiness check: the service is ready only while its bucket answers. */
    interface Readiness {
        /** The check's name in {@code /q/health/ready}, e.g. {@code catalog-bucket}. */
        @WithDefault("bucket")
        String name();

        /** How long the check waits for the bucket before reporting the service not ready. */
        @WithDefault("2s")
        Duration timeout();
    }
}
