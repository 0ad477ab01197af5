package dev.storefront.cart.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * How to reach S3. In AWS only the region matters (credentials come from the task role); locally the endpoint, path
 * style and static keys point the client at s3proxy.
 */
@ConfigMapping(prefix = "storefront.s3")
public interface S3Settings {
    @WithDefault("us-east-1")
    String region();

    Optional<URI> endpoint();

    @WithDefault("false")
    boolean pathStyle();

    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();
}
