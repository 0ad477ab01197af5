package dev.storefront.cart.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * What the caller presented: a verified account id (from the bearer token) and/or a cart token. A cart is visible to
 * its owner and to the holder of its token; to anyone else it does not exist.
 */
public record Access(Optional<UUID> accountId, Optional<String> cartToken) {
    boolean allows(Cart cart) {
        return allows(cart.ownerId, cart.tokenHash);
    }

    /** @param ownerId the cart's owner, null for an anonymous cart; @param tokenHash its token's hash, or null */
    boolean allows(UUID ownerId, byte[] tokenHash) {
        boolean owner = ownerId != null && accountId.map(ownerId::equals).orElse(false);
        boolean tokenHolder =
                cartToken.map(t -> CartToken.matches(t, tokenHash)).orElse(false);
        return owner || tokenHolder;
    }
}
