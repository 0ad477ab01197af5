package dev.storefront.defaults.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 * The RSA key pairs a service signs its tokens with, oldest first: the newest signs, and every public half is
 * published, so a token signed by a key being rotated out stays verifiable until it expires.
 *
 * <p>The keys come from a JWK Set of RSA private keys (in AWS a Secrets Manager secret injected as an environment
 * variable) or else from a key directory, where one {@code <kid>.jwk.json} per key is kept and a first key is generated
 * when the directory is empty (dev mode, tests, the local shop). Several local instances may share the directory:
 * generation happens under a file lock. A plain class, not a bean: each service that signs wraps it in its own.
 */
public final class SigningKeySet {
    private static final Logger LOG = Logger.getLogger(SigningKeySet.class);
    private static final String SUFFIX = ".jwk.json";
    private static final DateTimeFormatter KID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final List<RsaJsonWebKey> keys;
    private final String publicJwks;

    private SigningKeySet(List<RsaJsonWebKey> keys) {
        this.keys = keys;
        this.publicJwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /**
     * The keys of {@code jwks} if present, else those of {@code keyDir} (generating a first one).
     *
     * @param jwksVariable and {@code keyDirVariable}: the environment variables they come from, named in errors
     */
    public static SigningKeySet load(
            Optional<String> jwks, String jwksVariable, Optional<Path> keyDir, String keyDirVariable) {
        if (jwks.isPresent()) {
            return new SigningKeySet(parse(jwks.get(), jwksVariable));
        }
        if (keyDir.isPresent()) {
            return new SigningKeySet(loadOrGenerate(keyDir.get()));
        }
        throw new IllegalStateException(
                "No token signing keys: set " + jwksVariable + " (a JWK Set) or " + keyDirVariable);
    }

    /** The key new tokens are signed with. */
    public RsaJsonWebKey current() {
        return keys.get(keys.size() - 1);
    }

    /** Every key, oldest first. */
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
                return keyFiles(dir).stream().map(SigningKeySet::read).toList();
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
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Generated token signing key %s in %s", key.getKeyId(), dir);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }
}
