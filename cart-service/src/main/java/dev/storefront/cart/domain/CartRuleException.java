package dev.storefront.cart.domain;

/** A well-formed request that a cart rule refuses (line limit, unorderable product); answered with 422. */
public class CartRuleException extends RuntimeException {
    public CartRuleException(String message) {
        super(message);
    }
}
