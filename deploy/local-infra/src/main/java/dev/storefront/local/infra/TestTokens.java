package dev.storefront.local.infra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Real RS256 access tokens for tests of services that trust account-service, signed with a key generated per JVM and
 * verifiable through {@link #jwksJson()}. The claims follow account-service's token contract (see
 * docs/architecture.md): issuer {@value #ISSUER}, audience {@value #AUDIENCE}, subject = account id, {@code groups}
 * = roles, {@code email}.
 */
public final class TestTokens {
    public static final String ISSUER = "storefront-accounts";
    public static final String AUDIENCE = "storefront";

    private static final RsaJsonWebKey KEY = generate("test-key-1");
    private static final RsaJsonWebKey OTHER_KEY = generate("test-key-1");
    private static final List<RsaJsonWebKey> PUBLISHED = new CopyOnWriteArrayList<>(List.of(KEY));

    private TestTokens() {}

    /** A token for a customer with a fresh id. */
    public static String customer(UUID accountId) {
        return sign(KEY, claims(accountId, List.of("customer"), ISSUER, Duration.ofMinutes(15)));
    }

    public static String admin(UUID accountId) {
        return sign(KEY, claims(accountId, List.of("customer", "admin"), ISSUER, Duration.ofMinutes(15)));
    }

    /** Same claims as {@link #customer} but signed by a key the JWKS does not contain (same kid): a forgery. */
    public static String forged(UUID accountId) {
        return sign(OTHER_KEY, claims(accountId, List.of("customer"), ISSUER, Duration.ofMinutes(15)));
    }

    public static String expired(UUID accountId) {
        return sign(KEY, claims(accountId, List.of("customer"), ISSUER, Duration.ofMinutes(-5)));
    }

    /** A customer token that expires {@code lifetime} from now. */
    public static String customerExpiringIn(Duration lifetime, UUID accountId) {
        return sign(KEY, claims(accountId, List.of("customer"), ISSUER, lifetime));
    }

    /** A customer token signed by {@code key}, which the JWKS holds only once {@link #publish}ed. */
    public static String customerSignedBy(RsaJsonWebKey key, UUID accountId) {
        return sign(key, claims(accountId, List.of("customer"), ISSUER, Duration.ofMinutes(15)));
    }

    /** A new signing key with its own {@code kid}, not yet in the JWKS: the next key of a rotation, or a stranger's. */
    public static RsaJsonWebKey newKey() {
        return generate("test-key-" + UUID.randomUUID());
    }

    /** Adds {@code key}'s public half to the JWKS, as appending a key to account-service's set does. */
    public static void publish(RsaJsonWebKey key) {
        PUBLISHED.add(key);
    }

    public static String wrongIssuer(UUID accountId) {
        return sign(KEY, claims(accountId, List.of("customer"), "someone-else", Duration.ofMinutes(15)));
    }

    /**
     * The signing key itself, private half included, as a JWK Set in the form account-service reads from
     * {@code JWT_SIGNING_KEYS}: an account-service started with it issues tokens every test service trusts.
     */
    public static String signingKeysJson() {
        return new JsonWebKeySet(KEY).toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    /** The public halves of the published keys (the signing key and any {@link #publish}ed since) as a JWKS. */
    public static String jwksJson() {
        return new JsonWebKeySet(List.copyOf(PUBLISHED)).toJson();
    }

    private static JwtClaims claims(UUID accountId, List<String> groups, String issuer, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        Instant now = Instant.now();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(accountId.toString());
        claims.setStringListClaim("groups", groups);
        claims.setClaim("email", accountId + "@example.test");
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond() - 60));
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
