package dev.storefront.order.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of the published product document ({@code catalog/products/<sku>.json}) checkout needs. catalog-publisher
 * owns the contract; unknown fields are ignored.
 *
 * @param price unit price in minor units; never floating point
 *
 * <p>Parsed by hand from the bucket (CatalogBucket), not by the REST layer, so it is registered for reflection
 * explicitly: a native executable has no record accessors or constructor for Jackson otherwise.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(
        String sku, String name, Long price, String currency, Boolean active, String stockStatus, Boolean soldOut) {
    /**
     * Published, well formed, active and not taken out of stock by an admin. A product shown out of stock only because
     * its stock ran out ({@code soldOut}) is left to the stock reservation, which answers with what is left.
     */
    public boolean orderable() {
        return sku != null
                && name != null
                && price != null
                && price >= 0
                && currency != null
                && Boolean.TRUE.equals(active)
                && (!"OUT_OF_STOCK".equals(stockStatus) || Boolean.TRUE.equals(soldOut));
    }
}
