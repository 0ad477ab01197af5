package dev.storefront.account.security;

import dev.storefront.account.config.AccountConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The RSA key pairs tokens are signed with, oldest first. All public halves are published in the JWKS so tokens signed
 * by a key being rotated out stay valid until they expire; the newest key signs.
 *
 * <p>Keys come from {@code JWT_SIGNING_KEYS} (a JWK Set, in AWS from Secrets Manager) or else from {@code JWT_KEY_DIR},
 * where one {@code <kid>.jwk.json} per key is kept and a first key is generated when the directory is empty. Several
 * local instances may share the directory: generation happens under a file lock.
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final String SUFFIX = ".jwk.json";
    private static final DateTimeFormatter KID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final List<RsaJsonWebKey> keys;
    private final String publicJwks;

    public SigningKeys(AccountConfig config) {
        AccountConfig.Jwt jwt = config.jwt();
        if (jwt.signingKeys().isPresent()) {
            keys = parse(jwt.signingKeys().get(), "JWT_SIGNING_KEYS");
        } else if (jwt.keyDir().isPresent()) {
            keys = loadOrGenerate(jwt.keyDir().get());
        } else {
            throw new IllegalStateException("No token signing keys: set JWT_SIGNING_KEYS (a JWK Set) or JWT_KEY_DIR");
        }
        publicJwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** The key new tokens are signed with. */
    public RsaJsonWebKey current() {
        return keys.get(keys.size() - 1);
    }

    public PrivateKey currentPrivateKey() {
        return current().getRsaPrivateKey();
    }

    /** Every verification key, public parts only. */
    public List<RsaJsonWebKey> all() {
        return keys;
    }

    /** The JWKS document: public keys only, never the private parts. */
    public String publicJwks() {
        return publicJwks;
    }

    static List<RsaJsonWebKey> parse(String json, String source) {
        try {
            List<RsaJsonWebKey> parsed = new JsonWebKeySet(json)
                    .getJsonWebKeys().stream()
                            .map(k -> requireSigningKey(k, source))
                            .toList();
            if (parsed.isEmpty()) {
                throw new IllegalStateException(source + " holds no keys");
            }
            return parsed;
        } catch (JoseException e) {
            throw new IllegalStateException(source + " is not a valid JWK Set", e);
        }
    }

    private static RsaJsonWebKey requireSigningKey(JsonWebKey key, String source) {
        if (!(key instanceof RsaJsonWebKey rsa) || rsa.getPrivateKey() == null || key.getKeyId() == null) {
            throw new IllegalStateException(source + ": every key must be an RSA private key with a kid");
        }
        return rsa;
    }

    private static List<RsaJsonWebKey> loadOrGenerate(Path dir) {
        try {
            Files.createDirectories(dir);
            try (FileChannel lock = FileChannel.open(
                            dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var held = lock.lock()) {
                if (keyFiles(dir).isEmpty()) {
                    generate(dir);
                }
                return keyFiles(dir).stream().map(SigningKeys::read).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the key directory " + dir, e);
        }
    }

    /** Key files sorted by name; kids start with their creation time, so this is oldest first. */
    private static List<Path> keyFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    private static RsaJsonWebKey read(Path file) {
        try {
            return requireSigningKey(JsonWebKey.Factory.newJwk(Files.readString(file)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(file + " is not a JWK", e);
        }
    }

    private static void generate(Path dir) throws IOException {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(KID_TIME.format(Instant.now()) + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            Path file = dir.resolve(key.getKeyId() + SUFFIX);
            Path tmp = Files.createTempFile(dir, "new-", ".tmp");
            Files.writeString(tmp, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated token signing key %s in %s", key.getKeyId(), dir);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
