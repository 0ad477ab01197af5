package dev.storefront.catalog.publish;

import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.catalog.domain.SampleCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** On first start of a local shop: load the sample catalog into the empty database, then publish it. */
@ApplicationScoped
public class CatalogStartup {
    private static final Logger LOG = Logger.getLogger(CatalogStartup.class);

    private final CatalogConfig config;
    private final SampleCatalog sample;
    private final Publisher publisher;

    public CatalogStartup(CatalogConfig config, SampleCatalog sample, Publisher publisher) {
        this.config = config;
        this.sample = sample;
        this.publisher = publisher;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seedSample() && sample.seedIfEmpty(SampleCatalog.DEFAULT_SIZE)) {
            LOG.infof("Loaded the sample catalog (%d products)", SampleCatalog.DEFAULT_SIZE);
            if (!CatalogPublisherMain.publishOnce(config, new String[0])) {
                publisher.publishAll("sample catalog loaded");
            }
        }
    }
}
