package dev.storefront.cart.client;

/** The catalog bucket could not be read and no earlier copy of the product is cached. */
public class CatalogUnavailableException extends RuntimeException {
    public CatalogUnavailableException(String sku, Throwable cause) {
        super("The product catalog is unavailable for sku " + sku, cause);
    }
}
