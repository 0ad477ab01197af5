package dev.storefront.cart.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.cart.config.CartConfig;
import dev.storefront.defaults.s3.S3Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads product documents from the published catalog in the bucket: the only source of product data for carts. It
 * never calls catalog-publisher, so carts keep working while the publisher is down.
 *
 * <p>Documents are cached in memory. After {@code cart.catalog.ttl} an entry is revalidated with a conditional GET
 * ({@code If-None-Match} on its ETag): a 304 just refreshes it. When the bucket cannot be reached the last known copy
 * is served. The cache only holds public data any instance can rebuild, so the service stays stateless.
 */
@ApplicationScoped
public class CatalogBucket {
    private static final Logger LOG = Logger.getLogger(CatalogBucket.class);
    private static final String PREFIX = "catalog/products/";

    private final S3Client s3;
    private final String bucket;
    private final CartConfig.Catalog config;
    private final ObjectMapper json;
    private final Clock clock;
    private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

    @Inject
    public CatalogBucket(S3Client s3, S3Settings s3Settings, CartConfig config, ObjectMapper json) {
        this(s3, s3Settings.bucket(), config.catalog(), json, Clock.systemUTC());
    }

    CatalogBucket(S3Client s3, String bucket, CartConfig.Catalog config, ObjectMapper json, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The published product, or empty when the catalog has no such sku.
     *
     * @throws CatalogUnavailableException when the bucket cannot be read and no copy is cached
     */
    public Optional<CatalogProduct> product(String sku) {
        Instant now = clock.instant();
        Entry cached = cache.get(sku);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(config.ttl()))) {
            return cached.product();
        }
        Entry fresh = fetch(sku, cached, now);
        cache.put(sku, fresh);
        return fresh.product();
    }

    private Entry fetch(String sku, Entry cached, Instant now) {
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> {
                b.bucket(bucket)
                        .key(PREFIX + sku + ".json")
                        .overrideConfiguration(o -> o.apiCallTimeout(config.timeout()));
                if (cached != null && cached.etag() != null) {
                    b.ifNoneMatch(cached.etag());
                }
            });
            return new Entry(parse(sku, object.asByteArray()), object.response().eTag(), now);
        } catch (NoSuchKeyException e) {
            return new Entry(Optional.empty(), null, now);
        } catch (S3Exception e) {
            if (e.statusCode() == 304 && cached != null) {
                return cached.refreshedAt(now);
            }
            return lastKnown(sku, cached, e);
        } catch (SdkException e) {
            return lastKnown(sku, cached, e);
        }
    }

    private Optional<CatalogProduct> parse(String sku, byte[] body) {
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

    /** Keeps serving the stale copy for another TTL, so an outage does not cost every request a timeout. */
    private Entry lastKnown(String sku, Entry cached, SdkException e) {
        if (cached == null) {
            throw new CatalogUnavailableException(sku, e);
        }
        LOG.warnf("Catalog bucket unreachable for sku %s (%s); serving the last known copy", sku, e.getMessage());
        return cached.refreshedAt(clock.instant());
    }

    private record Entry(Optional<CatalogProduct> product, String etag, Instant fetchedAt) {
        Entry refreshedAt(Instant now) {
            return new Entry(product, etag, now);
        }
    }
}
