package dev.storefront.cart.domain;

import java.util.UUID;

/** No such cart, or the caller may not see it: the two are deliberately indistinguishable. */
public class CartNotFoundException extends RuntimeException {
    public CartNotFoundException(UUID id) {
        super("Cart " + id + " was not found");
    }
}
