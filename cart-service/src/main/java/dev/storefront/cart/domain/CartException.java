package dev.storefront.cart.domain;

import java.util.UUID;

/**
 * A cart rule refused the request, or could not be checked. It says why (its {@link Reason}) and carries the data that
 * goes with it in its message, the {@code detail} a client reads; how a client sees each reason (status, {@code type},
 * title) is decided by the api layer alone.
 */
public class CartException extends RuntimeException {

    /** Why the request was refused. */
    public enum Reason {
        /** No such cart, or the caller may not see it: the two are deliberately indistinguishable. */
        CART_NOT_FOUND,
        /** The cart already holds the most distinct products it may ({@code cart.limits.max-lines}). */
        TOO_MANY_LINES,
        /** The product is not published, inactive or out of stock, so it cannot be put into a cart. */
        PRODUCT_UNAVAILABLE,
        /** The catalog bucket cannot be read and holds no earlier copy of the product: try again shortly. */
        CATALOG_UNAVAILABLE
    }

    private final Reason reason;

    private CartException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static CartException cartNotFound(UUID cartId) {
        return new CartException(Reason.CART_NOT_FOUND, "Cart " + cartId + " was not found", null);
    }

    public static CartException tooManyLines(int maxLines) {
        return new CartException(
                Reason.TOO_MANY_LINES, "A cart holds at most " + maxLines + " different products", null);
    }

    public static CartException productUnavailable(String sku) {
        return new CartException(
                Reason.PRODUCT_UNAVAILABLE, "Product " + sku + " is unknown, inactive or out of stock", null);
    }

    public static CartException catalogUnavailable(Throwable cause) {
        return new CartException(Reason.CATALOG_UNAVAILABLE, "The product catalog cannot be read right now", cause);
    }

    public Reason reason() {
        return reason;
    }
}
