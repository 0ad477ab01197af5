package dev.storefront.cart.api;

import dev.storefront.cart.config.CartConfig;
import dev.storefront.defaults.jwt.ServiceToken;
import dev.storefront.defaults.jwt.ServiceTokenVerifier;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Verifies order-service's service tokens, the one credential that may clear a cart: service-defaults'
 * {@link ServiceTokenVerifier} with cart-service's keys, issuer and audience ({@code cart.service-tokens.*}), plus the
 * scope and the cart and order the token is bound to.
 */
@ApplicationScoped
public class ServiceCaller {
    static final String CART_CLEAR = "cart:clear";

    private final ServiceTokenVerifier verifier;

    public ServiceCaller(CartConfig config) {
        this.verifier = new ServiceTokenVerifier(config.serviceTokens());
    }

    /**
     * Succeeds only for a valid service token with scope {@value #CART_CLEAR} for this cart and this order: an absent,
     * invalid, expired or foreign token is a 401; a valid service token for anything else is a 403.
     */
    public void requireCartClear(String authorization, UUID cartId, UUID orderId) {
        ServiceToken token = verifier.verify(authorization);
        if (!token.hasScope(CART_CLEAR)
                || !cartId.toString().equals(token.text("cart_id"))
                || !orderId.toString().equals(token.text("order_id"))) {
            throw new ForbiddenException("The service token is not for clearing this cart after this order");
        }
    }
}
