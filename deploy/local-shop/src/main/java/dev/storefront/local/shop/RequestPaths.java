package dev.storefront.local.shop;

import java.net.URI;
import java.util.Locale;

/**
 * The request paths the edge refuses before routing (the CloudFront function on {@code /api/*} refuses the same in
 * AWS). A service resolves dot segments itself, so {@code /api/carts/../../q/metrics} or
 * {@code /api/accounts/%2e%2e/%2e%2e/q/metrics} would be routed by its public prefix and then answered outside it (by
 * {@code /q/metrics}, before the management endpoints moved to a port of their own that the edge never routes to). No
 * page or API path of the shop needs any of these forms, so refusing is simpler and safer than normalising: whatever
 * passes here resolves to itself, inside the prefix it was routed by.
 */
final class RequestPaths {
    private RequestPaths() {}

    /**
     * False for a path with a {@code .} or {@code ..} segment (raw, percent-encoded in any case, or followed by
     * {@code ;parameters}), an encoded slash, any backslash, an encoded dot, slash or backslash encoded a second time,
     * a control character, or a path that does not parse.
     */
    static boolean isSafe(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return false;
        }
        String raw = rawPath.toLowerCase(Locale.ROOT);
        if (raw.contains("%2f") || raw.contains("\\")) {
            return false;
        }
        String decoded;
        try {
            decoded = URI.create(rawPath).getPath();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (decoded == null || decoded.contains("\\") || hasControlCharacter(decoded)) {
            return false;
        }
        String twice = decoded.toLowerCase(Locale.ROOT);
        if (twice.contains("%2e") || twice.contains("%2f") || twice.contains("%5c")) {
            return false;
        }
        for (String segment : decoded.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControlCharacter(String path) {
        return path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
