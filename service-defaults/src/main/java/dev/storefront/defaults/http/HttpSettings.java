package dev.storefront.defaults.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Request limits every service applies the same way. */
@ConfigMapping(prefix = "storefront.http")
public interface HttpSettings {
    /**
     * The largest request body accepted ({@code MAX_BODY_SIZE}). The HTTP server's own limit
     * ({@code quarkus.http.limits.max-body-size}) is set from it by this library's defaults.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();
}
