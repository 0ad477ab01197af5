package dev.storefront.account.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane), stored as a PHC string such as
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so the parameters can be raised later without breaking
 * existing hashes.
 *
 * <p>Each hash holds 19 MiB while it runs, so concurrent hashing is capped to keep a burst of sign-ins from exhausting
 * the heap; callers wait for a slot instead.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore slots =
            new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() * 2), true);
    /** Verified against when the email is unknown, so that case costs the same as a wrong password. */
    private final String decoy;

    public PasswordHasher() {
        this.decoy = hash("decoy-" + random.nextLong());
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether the password matches a stored PHC string; {@code null} means no such account and always fails. */
    public boolean verify(String password, String stored) {
        boolean known = stored != null;
        String[] parts = (known ? stored : decoy).split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id")) {
            throw new IllegalStateException("Unsupported password hash format");
        }
        String[] params = parts[3].split(",");
        byte[] salt = B64_DECODE.decode(parts[4]);
        byte[] expected = B64_DECODE.decode(parts[5]);
        byte[] actual = argon2(
                password, salt, param(params[0], "m"), param(params[1], "t"), param(params[2], "p"), expected.length);
        return MessageDigest.isEqual(expected, actual) && known;
    }

    private static int param(String pair, String name) {
        if (!pair.startsWith(name + "=")) {
            throw new IllegalStateException("Unsupported password hash parameters");
        }
        return Integer.parseInt(pair.substring(name.length() + 1));
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .build();
        byte[] out = new byte[length];
        // init() allocates the whole memory block (19 MiB), so it must be inside the slot too: outside it, a burst
        // of sign-ins allocated one block per waiting request and ran the heap out (seen in the load scenario).
        slots.acquireUninterruptibly();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            slots.release();
        }
        return out;
    }
}
