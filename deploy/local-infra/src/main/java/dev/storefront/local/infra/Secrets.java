package dev.storefront.local.infra;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random local-only secrets: database passwords and S3 keys, new on every start. */
final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
