package dev.storefront.order.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.defaults.s3.CachedObjects;
import dev.storefront.defaults.s3.S3Settings;
import dev.storefront.order.config.OrderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads product documents from the published catalog: the only source of prices at checkout.
 *
 * <p>A document read or confirmed at most {@code order.catalog-max-age} ago ({@code CATALOG_MAX_AGE}, default 5 s) is
 * priced from memory; an older one is revalidated with a conditional GET. So a price change reaches checkout within
 * that bound, and no order is ever priced from an older copy: when the bucket cannot be read, the checkout is refused
 * (503) rather than priced from a stale copy.
 */
@ApplicationScoped
public class CatalogBucket {
    private static final Logger LOG = Logger.getLogger(CatalogBucket.class);
    private static final String PREFIX = "catalog/products/";
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final OrderConfig config;
    private final ObjectMapper json;
    private final CachedObjects<CatalogProduct> documents;

    public CatalogBucket(
            S3Client s3, S3Settings s3Settings, OrderConfig config, ObjectMapper json, Executor workerPool) {
        this.config = config;
        this.json = json;
        // The default bounds: skus come from carts, which hold only skus the catalog published.
        this.documents = new CachedObjects<>(
                s3,
                s3Settings.bucket(),
                config.catalogTimeout(),
                this::parse,
                Clock.systemUTC(),
                workerPool, // Quarkus's worker pool (its injectable Executor): revalidations ahead of time
                CachedObjects.Bounds.DEFAULT);
    }

    /**
     * The published product, as of at most {@code order.catalog-max-age} ago, or empty when there is none (or its
     * document is unusable).
     *
     * @throws DependencyUnavailableException when the bucket cannot be read
     */
    public Optional<CatalogProduct> product(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            return Optional.empty();
        }
        try {
            return documents.fresh(PREFIX + sku + ".json", config.catalogMaxAge());
        } catch (SdkException e) {
            throw new DependencyUnavailableException("The catalog bucket cannot be read", e);
        }
    }

    private Optional<CatalogProduct> parse(String key, byte[] body) {
        String sku = key.substring(PREFIX.length(), key.length() - ".json".length());
        try {
            CatalogProduct product = json.readerFor(CatalogProduct.class).readValue(body);
            return sku.equals(product.sku()) ? Optional.of(product) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Catalog document for sku %s is not valid JSON; treating it as missing", sku);
            return Optional.empty();
        }
    }
}
