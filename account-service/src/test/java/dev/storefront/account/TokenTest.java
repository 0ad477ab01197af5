package dev.storefront.account;

import static dev.storefront.account.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

/** Tokens follow the contract other services verify against, and nothing but a genuine one opens /me. */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class TokenTest {

    @Test
    void jwksVerifiesAnIssuedTokenWithAnIndependentJwtLibrary() throws Exception {
        String email = Api.uniqueEmail();
        String id = Api.signUp(email);
        var login = Api.json()
                .body(java.util.Map.of("email", email, "password", Api.PASSWORD))
                .post("/api/accounts/login")
                .then()
                .statusCode(200)
                .body("expiresIn", equalTo(900))
                .extract();
        String token = login.path("accessToken");
        String jwks = given().get("/api/accounts/jwks.json")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age=300")) // public keys: meant to be cached
                .extract()
                .asString();
        assertFalse(jwks.contains("\"d\""), "the JWKS must hold no private key parts");

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setJwsAlgorithmConstraints(
                        org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("storefront-accounts")
                .setExpectedAudience("storefront")
                .setRequireExpirationTime()
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals(id, claims.getSubject());
        assertEquals(email, claims.getStringClaimValue("email"));
        assertEquals(List.of("customer"), claims.getStringListClaimValue("groups"));
        assertEquals(
                900,
                claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\""), header);
        assertTrue(header.contains("\"RS256\""), header);
    }

    @Test
    void genuineTokenOpensMe() throws Exception {
        String email = Api.uniqueEmail();
        String id = Api.signUp(email);
        as(sign(signingKey(), claims(id, "storefront-accounts", "storefront", 600)))
                .get("/api/accounts/me")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    @Test
    void forgedTokensAreUnauthorized() throws Exception {
        String id = Api.signUp(Api.uniqueEmail());
        RsaJsonWebKey real = signingKey();
        RsaJsonWebKey impostor = RsaJwkGenerator.generateJwk(2048);
        impostor.setKeyId(real.getKeyId());

        String payload = claims(id, "storefront-accounts", "storefront", 600).toJson();
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".";

        JsonWebSignature hs = new JsonWebSignature();
        hs.setPayload(payload);
        hs.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        hs.setKeyIdHeaderValue(real.getKeyId());
        hs.setKey(new HmacKey(real.getPublicKey().getEncoded()));
        hs.setDoKeyValidation(false);
        String hmacWithPublicKey = hs.getCompactSerialization();

        String[] genuine =
                sign(real, claims(id, "storefront-accounts", "storefront", 600)).split("\\.");
        String tampered =
                genuine[0] + "." + b64(payload.replace(id, UUID.randomUUID().toString())) + "." + genuine[2];

        for (String forged : List.of(
                none,
                hmacWithPublicKey,
                sign(impostor, claims(id, "storefront-accounts", "storefront", 600)),
                tampered,
                sign(real, claims(id, "someone-else", "storefront", 600)),
                sign(real, claims(id, "storefront-accounts", "storefront", -600)),
                sign(real, claims(id, "storefront-accounts", "another-audience", 600)),
                "not-a-jwt")) {
            as(forged)
                    .get("/api/accounts/me")
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("unauthenticated")));
        }
    }

    static RsaJsonWebKey signingKey() throws Exception {
        Path dir = Path.of(System.getProperty(AccountTestResource.KEY_DIR));
        try (Stream<Path> files = Files.list(dir)) {
            Path newest = files.filter(f -> f.toString().endsWith(".jwk.json"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(newest));
        }
    }

    static JwtClaims claims(String subject, String issuer, String audience, long lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of("customer", "admin"));
        claims.setClaim("email", "forged@example.test");
        claims.setIssuedAt(NumericDate.fromSeconds(now - Math.abs(lifetimeSeconds) - 60));
        claims.setExpirationTime(NumericDate.fromSeconds(now + lifetimeSeconds));
        return claims;
    }

    static String sign(RsaJsonWebKey key, JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
