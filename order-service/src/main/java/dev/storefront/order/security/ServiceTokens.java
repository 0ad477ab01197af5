package dev.storefront.order.security;

import dev.storefront.defaults.jwt.SigningKeySet;
import dev.storefront.order.config.OrderConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Signs order-service's own service tokens, so it calls other services as itself and never with a shopper's token.
 * The claims are a contract the callees code against: RS256 with a {@code kid}, {@code iss} = {@code storefront-orders},
 * {@code sub} = {@code order-service}, and per use an audience, a scope and what the token is good for:
 * <ul>
 *   <li>cart-service ({@code aud} {@code cart-service}): {@value #CART_CLEAR}, for one cart and order ({@code cart_id},
 *       {@code order_id});
 *   <li>catalog-publisher ({@code aud} {@code catalog-publisher}): {@value #CATALOG_AVAILABILITY}, for one {@code sku}.
 * </ul>
 * Each lives two minutes.
 */
@ApplicationScoped
public class ServiceTokens {
    public static final String CART_CLEAR = "cart:clear";
    public static final String CATALOG_AVAILABILITY = "catalog:availability";

    private final SigningKeySet keys;
    private final OrderConfig.ServiceTokens config;

    public ServiceTokens(OrderConfig config) {
        this.config = config.serviceTokens();
        this.keys = SigningKeySet.load(
                this.config.signingKeys(), "SERVICE_JWT_SIGNING_KEYS", this.config.keyDir(), "SERVICE_JWT_KEY_DIR");
    }

    /** A token that lets its bearer clear cart {@code cartId} after order {@code orderId}, and nothing else. */
    public String cartClear(UUID cartId, UUID orderId) {
        return sign(Jwt.issuer(config.issuer())
                .audience(config.cartAudience())
                .subject("order-service")
                .scope(CART_CLEAR)
                .claim("cart_id", cartId.toString())
                .claim("order_id", orderId.toString()));
    }

    /** A token that lets its bearer tell catalog-publisher whether {@code sku} is sold out, and nothing else. */
    public String catalogAvailability(String sku) {
        return sign(Jwt.issuer(config.issuer())
                .audience(config.catalogAudience())
                .subject("order-service")
                .scope(CATALOG_AVAILABILITY)
                .claim("sku", sku));
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.issuedAt(System.currentTimeMillis() / 1000)
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
