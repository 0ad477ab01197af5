package dev.storefront.cart.domain;

import dev.storefront.cart.client.CatalogBucket;
import dev.storefront.cart.client.CatalogProduct;
import dev.storefront.cart.client.CatalogUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The published catalog as the cart rules read it: which products may be put into a cart, and what the product of a
 * stored line looks like now. The catalog is the only source of product data; it is read through the bucket client and
 * its cache, never from catalog-publisher.
 */
@ApplicationScoped
public class Catalog {
    private static final Logger LOG = Logger.getLogger(Catalog.class);

    private final CatalogBucket bucket;

    public Catalog(CatalogBucket bucket) {
        this.bucket = bucket;
    }

    /** A product as published now, and whether a cart may take it (active and in stock). */
    public record Published(ProductSnapshot product, boolean orderable) {}

    /**
     * The product as a cart takes it now, or empty when it is unknown, inactive or out of stock.
     *
     * @throws CartException {@link CartException.Reason#CATALOG_UNAVAILABLE} when the bucket cannot be read and no
     *     copy of the product is cached
     */
    Optional<ProductSnapshot> orderable(String sku) {
        try {
            return bucket.product(sku).filter(CatalogProduct::orderable).map(Catalog::snapshot);
        } catch (CatalogUnavailableException e) {
            LOG.warn(e.getMessage(), e.getCause());
            throw CartException.catalogUnavailable(e);
        }
    }

    /**
     * The product as a cart takes it now, when a copy of its document is already held: empty when none is held (reading
     * it would be a first fetch from the bucket) or the product is not orderable.
     *
     * @throws CartException {@link CartException.Reason#CATALOG_UNAVAILABLE} as {@link #orderable}
     */
    Optional<ProductSnapshot> orderableIfHeld(String sku) {
        return bucket.holds(sku) ? orderable(sku) : Optional.empty();
    }

    /**
     * The product of a stored line as published now; empty when it is no longer published, or when the catalog cannot
     * tell right now: the line then shows as unavailable rather than failing the whole cart.
     */
    public Optional<Published> current(String sku) {
        try {
            return bucket.product(sku).map(p -> new Published(snapshot(p), p.orderable()));
        } catch (CatalogUnavailableException e) {
            return Optional.empty();
        }
    }

    private static ProductSnapshot snapshot(CatalogProduct product) {
        return new ProductSnapshot(product.sku(), product.name(), product.price(), product.currency());
    }
}
