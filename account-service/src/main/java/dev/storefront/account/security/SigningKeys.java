package dev.storefront.account.security;

import dev.storefront.account.config.AccountConfig;
import dev.storefront.defaults.jwt.SigningKeySet;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.util.List;
import org.jose4j.jwk.RsaJsonWebKey;

/**
 * The RSA key pairs access tokens are signed with ({@link SigningKeySet}): from {@code JWT_SIGNING_KEYS} (a JWK Set,
 * in AWS from Secrets Manager) or else from {@code JWT_KEY_DIR}, where a first key is generated when it is empty. All
 * public halves are published in the JWKS; the newest key signs.
 */
@ApplicationScoped
public class SigningKeys {
    private final SigningKeySet keys;

    public SigningKeys(AccountConfig config) {
        AccountConfig.Jwt jwt = config.jwt();
        keys = SigningKeySet.load(jwt.signingKeys(), "JWT_SIGNING_KEYS", jwt.keyDir(), "JWT_KEY_DIR");
    }

    /** The key new tokens are signed with. */
    public RsaJsonWebKey current() {
        return keys.current();
    }

    public PrivateKey currentPrivateKey() {
        return current().getRsaPrivateKey();
    }

    /** Every verification key, public parts only. */
    public List<RsaJsonWebKey> all() {
        return keys.all();
    }

    /** The JWKS document: public keys only, never the private parts. */
    public String publicJwks() {
        return keys.publicJwks();
    }
}
