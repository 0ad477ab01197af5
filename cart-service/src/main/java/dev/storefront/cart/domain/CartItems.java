package dev.storefront.cart.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts products into carts, under the rule "only a published, active, in-stock product goes into a cart". The catalog
 * is read before the cart's row-locking statement runs, so S3 latency never holds the lock; hence never inside a
 * transaction of the caller's. A product whose document the cache does not hold yet is read only for a cart the caller
 * may change: a made-up cart id or sku from a stranger costs one query and no S3 call, and leaves nothing in the
 * catalog cache. A product the cache holds (nearly every add to cart) goes straight to the one statement that checks
 * the cart's holder and sets the line: one round trip to PostgreSQL instead of two.
 */
@ApplicationScoped
public class CartItems {
    private final Carts carts;
    private final Catalog catalog;

    public CartItems(Carts carts, Catalog catalog) {
        this.carts = carts;
        this.catalog = catalog;
    }

    /**
     * Sets the quantity of {@code sku} in the cart (adding the line when new) at the price the catalog shows now.
     *
     * @throws CartException {@code CART_NOT_FOUND} for a cart the caller cannot see, before the catalog is read;
     *     {@code PRODUCT_UNAVAILABLE}, {@code TOO_MANY_LINES} or {@code CATALOG_UNAVAILABLE} otherwise
     */
    @Transactional(Transactional.TxType.NEVER)
    public CartContents put(UUID cartId, Access access, String sku, int quantity) {
        Optional<ProductSnapshot> held = catalog.orderableIfHeld(sku);
        if (held.isPresent()) {
            return carts.setQuantity(cartId, access, held.get(), quantity); // checks the holder itself
        }
        carts.requireAccess(cartId, access);
        ProductSnapshot product = catalog.orderable(sku).orElseThrow(() -> CartException.productUnavailable(sku));
        return carts.setQuantity(cartId, access, product, quantity);
    }
}
