package dev.storefront.catalog.publish;

import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.catalog.domain.PublishOutcome;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * Serves the admin API, or, in one-shot mode ({@code CATALOG_MODE=publish-once} or the argument
 * {@code publish-once}), runs one full publish and exits: 0 when it succeeded, 1 when not. The scheduled ECS task uses
 * the one-shot mode.
 */
@QuarkusMain
public class CatalogPublisherMain implements QuarkusApplication {
    static final String PUBLISH_ONCE = "publish-once";

    private final CatalogConfig config;
    private final Publisher publisher;

    @Inject
    public CatalogPublisherMain(CatalogConfig config, Publisher publisher) {
        this.config = config;
        this.publisher = publisher;
    }

    @Override
    public int run(String... args) {
        if (publishOnce(config, args)) {
            PublishOutcome outcome = publisher.publishAll("one-shot run");
            return outcome.succeeded() ? 0 : 1;
        }
        Quarkus.waitForExit();
        return 0;
    }

    static boolean publishOnce(CatalogConfig config, String[] args) {
        return PUBLISH_ONCE.equals(config.mode()) || Arrays.asList(args).contains(PUBLISH_ONCE);
    }
}
