package dev.storefront.local.shop;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The W3C trace context the edge sends upstream: the client's {@code traceparent} when it is well formed, else a new
 * trace, so every request through the edge reaches the services in one trace (they log its id next to the request id).
 * A new trace is marked sampled: locally nothing is exported unless a collector is configured, and then every request
 * through the edge should show up. The ALB in AWS does not do this (docs/observability.md#tracing).
 */
final class TraceParents {
    static final String HEADER = "traceparent";
    static final String STATE_HEADER = "tracestate";
    private static final Pattern VERSION_00 = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceParents() {}

    /** {@code received} if it is a valid version-00 {@code traceparent}, else a new sampled one. */
    static String forward(String received) {
        return isValid(received) ? received : newTrace();
    }

    static boolean isValid(String traceparent) {
        if (traceparent == null) {
            return false;
        }
        var parts = VERSION_00.matcher(traceparent);
        return parts.matches() && !isZero(parts.group(1)) && !isZero(parts.group(2));
    }

    private static String newTrace() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        } while (isZero(HexFormat.of().formatHex(random)));
        return HexFormat.of().formatHex(random);
    }

    private static boolean isZero(String hex) {
        return hex.chars().allMatch(c -> c == '0');
    }
}
