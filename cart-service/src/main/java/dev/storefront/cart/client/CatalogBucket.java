package dev.storefront.cart.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.cart.config.CartConfig;
import dev.storefront.defaults.s3.CachedObjects;
import dev.storefront.defaults.s3.S3Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads product documents from the published catalog in the bucket: the only source of product data for carts. It
 * never calls catalog-publisher, so carts keep working while the publisher is down.
 *
 * <p>Documents are cached in memory. After {@code cart.catalog.ttl} an entry is revalidated with a conditional GET
 * ({@code If-None-Match} on its ETag) by one request, while the others keep being served the copy they have. When the
 * bucket cannot be reached the last known copy is served. (Checkout prices under a bound of its own, in order-service.)
 * The cache holds at most {@code cart.catalog.cache-size} documents and drops one unread for
 * {@code cart.catalog.cache-idle}.
 */
@ApplicationScoped
public class CatalogBucket {
    private static final Logger LOG = Logger.getLogger(CatalogBucket.class);
    private static final String PREFIX = "catalog/products/";

    private final CartConfig.Catalog config;
    private final ObjectMapper json;
    private final CachedObjects<CatalogProduct> documents;

    public CatalogBucket(
            S3Client s3, S3Settings s3Settings, CartConfig config, ObjectMapper json, Executor workerPool) {
        this.config = config.catalog();
        this.json = json;
        this.documents = new CachedObjects<>(
                s3,
                s3Settings.bucket(),
                this.config.timeout(),
                this::parse,
                Clock.systemUTC(),
                workerPool, // Quarkus's worker pool (its injectable Executor): revalidations ahead of time
                new CachedObjects.Bounds(this.config.cacheSize(), this.config.cacheIdle()));
    }

    /**
     * The published product, or empty when the catalog has no such sku.
     *
     * @throws CatalogUnavailableException when the bucket cannot be read and no copy is cached
     */
    public Optional<CatalogProduct> product(String sku) {
        try {
            return documents.lastKnown(PREFIX + sku + ".json", config.ttl());
        } catch (SdkException e) {
            throw new CatalogUnavailableException(sku, e);
        }
    }

    /** Whether the cache holds a copy of the sku's document (or of its absence): reading it fetches nothing new. */
    public boolean holds(String sku) {
        return documents.holds(PREFIX + sku + ".json");
    }

    private Optional<CatalogProduct> parse(String key, byte[] body) {
        String sku = key.substring(PREFIX.length(), key.length() - ".json".length());
        try {
            CatalogProduct product = json.readerFor(CatalogProduct.class).readValue(body);
            if (product.wellFormed() && sku.equals(product.sku())) {
                return Optional.of(product);
            }
            LOG.warnf("Catalog document for sku %s lacks required fields; treating it as missing", sku);
        } catch (IOException e) {
            LOG.warnf("Catalog document for sku %s is not valid JSON; treating it as missing", sku);
        }
        return Optional.empty();
    }
}
