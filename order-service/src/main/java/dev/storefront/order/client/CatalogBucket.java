package dev.storefront.order.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.defaults.s3.S3Settings;
import dev.storefront.order.config.OrderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads product documents from the published catalog: the only source of prices at checkout. Unlike cart-service it
 * keeps no cache, because an order must be priced on what is published at the moment it is placed.
 */
@ApplicationScoped
public class CatalogBucket {
    private static final Logger LOG = Logger.getLogger(CatalogBucket.class);
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final S3Client s3;
    private final String bucket;
    private final OrderConfig config;
    private final ObjectMapper json;

    public CatalogBucket(S3Client s3, S3Settings s3Settings, OrderConfig config, ObjectMapper json) {
        this.s3 = s3;
        this.bucket = s3Settings.bucket();
        this.config = config;
        this.json = json;
    }

    /**
     * The published product, or empty when there is none (or its document is unusable).
     *
     * @throws DependencyUnavailableException when the bucket cannot be read
     */
    public Optional<CatalogProduct> product(String sku) {
        if (sku == null || !SKU.matcher(sku).matches()) {
            return Optional.empty();
        }
        byte[] body;
        try {
            body = s3.getObjectAsBytes(b -> b.bucket(bucket)
                            .key("catalog/products/" + sku + ".json")
                            .overrideConfiguration(o -> o.apiCallTimeout(config.catalogTimeout())))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new DependencyUnavailableException("The catalog bucket cannot be read", e);
        }
        try {
            CatalogProduct product = json.readerFor(CatalogProduct.class).readValue(body);
            return sku.equals(product.sku()) ? Optional.of(product) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("Catalog document for sku %s is not valid JSON; treating it as missing", sku);
            return Optional.empty();
        }
    }
}
