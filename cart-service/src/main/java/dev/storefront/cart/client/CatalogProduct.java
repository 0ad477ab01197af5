package dev.storefront.cart.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of the published product document ({@code catalog/products/<sku>.json}) a cart needs. The document is a
 * contract owned by catalog-publisher; fields this service does not use are ignored so the publisher may add more.
 *
 * @param price unit price in minor units (cents); never floating point
 *
 * <p>Parsed by hand from the bucket (CatalogBucket), not by the REST layer, so it is registered for reflection
 * explicitly: a native executable has no record accessors or constructor for Jackson otherwise.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(String sku, String name, Long price, String currency, Boolean active, String stockStatus) {
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";

    /** A document missing the fields a cart relies on is treated like a missing product. */
    public boolean wellFormed() {
        return sku != null && name != null && price != null && price >= 0 && currency != null && active != null;
    }

    /** Can be put into a cart right now. */
    public boolean orderable() {
        return wellFormed() && active && !OUT_OF_STOCK.equals(stockStatus);
    }
}
