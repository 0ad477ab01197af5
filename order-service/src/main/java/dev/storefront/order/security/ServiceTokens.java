package dev.storefront.order.security;

import dev.storefront.defaults.jwt.SigningKeySet;
import dev.storefront.order.config.OrderConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Signs order-service's own service tokens, so it calls cart-service as itself and never with a shopper's token. The
 * claims are a contract cart-service codes against: RS256 with a {@code kid}, {@code iss} = {@code storefront-orders},
 * {@code aud} = {@code cart-service}, {@code sub} = {@code order-service}, {@code scope} = {@value #CART_CLEAR}, and
 * the one cart and order the token is good for ({@code cart_id}, {@code order_id}); it lives two minutes.
 */
@ApplicationScoped
public class ServiceTokens {
    public static final String CART_CLEAR = "cart:clear";

    private final SigningKeySet keys;
    private final OrderConfig.ServiceTokens config;

    public ServiceTokens(OrderConfig config) {
        this.config = config.serviceTokens();
        this.keys = SigningKeySet.load(
                this.config.signingKeys(), "SERVICE_JWT_SIGNING_KEYS", this.config.keyDir(), "SERVICE_JWT_KEY_DIR");
    }

    /** A token that lets its bearer clear cart {@code cartId} after order {@code orderId}, and nothing else. */
    public String cartClear(UUID cartId, UUID orderId) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject("order-service")
                .scope(CART_CLEAR)
                .claim("cart_id", cartId.toString())
                .claim("order_id", orderId.toString())
                .issuedAt(System.currentTimeMillis() / 1000)
                .expiresIn(config.lifetime())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.current().getKeyId())
                .sign(keys.current().getRsaPrivateKey());
    }

    /** The public keys as a JWKS document, never the private parts. */
    public String publicJwks() {
        return keys.publicJwks();
    }
}
