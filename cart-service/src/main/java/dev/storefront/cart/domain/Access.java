package dev.storefront.cart.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * What the caller presented: a verified account id (from the bearer token) and/or a cart token. A cart is visible to
 * its owner and to the holder of its token; to anyone else it does not exist.
 */
public record Access(Optional<UUID> accountId, Optional<String> cartToken) {
    boolean allows(Cart cart) {
        boolean owner =
                cart.ownerId != null && accountId.map(cart.ownerId::equals).orElse(false);
        boolean tokenHolder =
                cartToken.map(t -> CartToken.matches(t, cart.tokenHash)).orElse(false);
        return owner || tokenHolder;
    }
}
