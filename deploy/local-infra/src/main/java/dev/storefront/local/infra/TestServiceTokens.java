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
 * Real RS256 service tokens of order-service for tests of cart-service, signed with a key generated per JVM and
 * verifiable through {@link #jwksJson()}. The claims follow order-service's service-token contract (see
 * order-service's README): issuer {@value #ISSUER}, audience {@value #AUDIENCE}, subject {@code order-service},
 * {@code scope} {@value #CART_CLEAR}, and the cart and order the token is for ({@code cart_id}, {@code order_id}).
 */
public final class TestServiceTokens {
    public static final String ISSUER = "storefront-orders";
    public static final String AUDIENCE = "cart-service";
    public static final String CART_CLEAR = "cart:clear";

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

    /** The signing key, private half included, as order-service reads it from {@code SERVICE_JWT_SIGNING_KEYS}. */
    public static String signingKeysJson() {
        return new JsonWebKeySet(KEY).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    /** The public half as a JWKS document, as cart-service reads it from {@code SERVICE_JWT_JWKS}. */
    public static String jwksJson() {
        return new JsonWebKeySet(KEY).toJson();
    }

    private static JwtClaims claims(
            String issuer, String audience, String scope, UUID cartId, UUID orderId, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        Instant now = Instant.now();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject("order-service");
        claims.setClaim("scope", scope);
        claims.setClaim("cart_id", cartId.toString());
        claims.setClaim("order_id", orderId.toString());
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
