package dev.storefront.local.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Real RS256 service tokens of order-service for tests of cart-service and catalog-publisher, signed with a key
 * generated per JVM and verifiable through {@link #jwksJson()}. The claims follow order-service's service-token
 * contract (see order-service's README): issuer {@value #ISSUER}, subject {@code order-service}, and
 * <ul>
 *   <li>for cart-service: audience {@value #AUDIENCE}, {@code scope} {@value #CART_CLEAR}, and the cart and order the
 *       token is for ({@code cart_id}, {@code order_id});
 *   <li>for catalog-publisher: audience {@value #CATALOG_AUDIENCE}, {@code scope} {@value #CATALOG_AVAILABILITY}, and
 *       the product it is for ({@code sku}).
 * </ul>
 */
public final class TestServiceTokens {
    public static final String ISSUER = "storefront-orders";
    public static final String AUDIENCE = "cart-service";
    public static final String CART_CLEAR = "cart:clear";
    public static final String CATALOG_AUDIENCE = "catalog-publisher";
    public static final String CATALOG_AVAILABILITY = "catalog:availability";
    private static final String SUBJECT = "order-service";

    private static final RsaJsonWebKey KEY = generate("test-service-key-1");
    private static final RsaJsonWebKey OTHER_KEY = generate("test-service-key-1");
    private static final Duration LIFETIME = Duration.ofMinutes(2);

    private TestServiceTokens() {}

    /** What order-service sends to clear {@code cartId} after order {@code orderId}. */
    public static String cartClear(UUID cartId, UUID orderId) {
        return sign(KEY, claims(ISSUER, AUDIENCE, CART_CLEAR, cartId, orderId, LIFETIME));
    }

    /** Same claims as {@link #cartClear}, signed by a key the JWKS does not contain (same kid): a forgery. */
    public static String forged(UUID cartId, UUID orderId) {
        return sign(OTHER_KEY, claims(ISSUER, AUDIENCE, CART_CLEAR, cartId, orderId, LIFETIME));
    }

    public static String expired(UUID cartId, UUID orderId) {
        return sign(KEY, claims(ISSUER, AUDIENCE, CART_CLEAR, cartId, orderId, Duration.ofMinutes(-3)));
    }

    public static String wrongIssuer(UUID cartId, UUID orderId) {
        return sign(KEY, claims(TestTokens.ISSUER, AUDIENCE, CART_CLEAR, cartId, orderId, LIFETIME));
    }

    public static String wrongAudience(UUID cartId, UUID orderId) {
        return sign(KEY, claims(ISSUER, TestTokens.AUDIENCE, CART_CLEAR, cartId, orderId, LIFETIME));
    }

    public static String withScope(String scope, UUID cartId, UUID orderId) {
        return sign(KEY, claims(ISSUER, AUDIENCE, scope, cartId, orderId, LIFETIME));
    }

    /** A token valid for far longer than service tokens may live: refused even before it expires. */
    public static String longLived(UUID cartId, UUID orderId) {
        return sign(KEY, claims(ISSUER, AUDIENCE, CART_CLEAR, cartId, orderId, Duration.ofHours(1)));
    }

    /** What order-service sends catalog-publisher when {@code sku} sells out or is on sale again. */
    public static String availability(String sku) {
        return sign(KEY, availabilityClaims(CATALOG_AUDIENCE, SUBJECT, CATALOG_AVAILABILITY, sku, LIFETIME));
    }

    /** An availability token with another scope (e.g. cart-service's). */
    public static String availabilityWithScope(String scope, String sku) {
        return sign(KEY, availabilityClaims(CATALOG_AUDIENCE, SUBJECT, scope, sku, LIFETIME));
    }

    /** An availability token another service than order-service got signed with order-service's key. */
    public static String availabilityFrom(String subject, String sku) {
        return sign(KEY, availabilityClaims(CATALOG_AUDIENCE, subject, CATALOG_AVAILABILITY, sku, LIFETIME));
    }

    /** An availability token for cart-service's audience: meant for another service. */
    public static String availabilityForCarts(String sku) {
        return sign(KEY, availabilityClaims(AUDIENCE, SUBJECT, CATALOG_AVAILABILITY, sku, LIFETIME));
    }

    public static String availabilityExpired(String sku) {
        return sign(
                KEY, availabilityClaims(CATALOG_AUDIENCE, SUBJECT, CATALOG_AVAILABILITY, sku, Duration.ofMinutes(-3)));
    }

    /** Same claims as {@link #availability}, signed by a key the JWKS does not contain (same kid): a forgery. */
    public static String availabilityForged(String sku) {
        return sign(OTHER_KEY, availabilityClaims(CATALOG_AUDIENCE, SUBJECT, CATALOG_AVAILABILITY, sku, LIFETIME));
    }

    /** The signing key, private half included, as order-service reads it from {@code SERVICE_JWT_SIGNING_KEYS}. */
    public static String signingKeysJson() {
        return new JsonWebKeySet(KEY).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    /** The public half as a JWKS document, as cart-service and catalog-publisher read it from {@code SERVICE_JWT_JWKS}. */
    public static String jwksJson() {
        return new JsonWebKeySet(KEY).toJson();
    }

    private static JwtClaims claims(
            String issuer, String audience, String scope, UUID cartId, UUID orderId, Duration lifetime) {
        JwtClaims claims = common(issuer, audience, SUBJECT, scope, lifetime);
        claims.setClaim("cart_id", cartId.toString());
        claims.setClaim("order_id", orderId.toString());
        return claims;
    }

    private static JwtClaims availabilityClaims(
            String audience, String subject, String scope, String sku, Duration lifetime) {
        JwtClaims claims = common(ISSUER, audience, subject, scope, lifetime);
        claims.setClaim("sku", sku);
        return claims;
    }

    private static JwtClaims common(String issuer, String audience, String subject, String scope, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        Instant now = Instant.now();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setClaim("scope", scope);
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minusSeconds(60) : now;
        claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setGeneratedJwtId();
        return claims;
    }

    private static String sign(RsaJsonWebKey key, JwtClaims claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
