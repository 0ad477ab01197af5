package dev.storefront.cart;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.Duration;
import java.util.Map;

/**
 * The cart settings of every test, as the environment variables production uses: a catalog cache that expires within a
 * test, and no purge job running in the middle of one. A test resource rather than {@code %test} properties, because
 * the packaged app under a {@code @QuarkusIntegrationTest} runs in the prod profile and gets only what resources hand it.
 */
public class CartTestSettings implements QuarkusTestResourceLifecycleManager {
    /** How long the app serves a cached catalog document before it looks at the bucket again. */
    static final Duration CATALOG_TTL = Duration.ofSeconds(1);

    @Override
    public Map<String, String> start() {
        return Map.of("CATALOG_CACHE_TTL", CATALOG_TTL.toMillis() + "ms", "CART_PURGE_EVERY", "off");
    }

    @Override
    public void stop() {}
}
