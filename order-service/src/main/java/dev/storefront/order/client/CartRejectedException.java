package dev.storefront.order.client;

/** cart-service answered a 4xx: retrying cannot help, and it says nothing about cart-service's health. */
public class CartRejectedException extends RuntimeException {
    private final int status;

    public CartRejectedException(int status) {
        super("cart-service answered " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
