package dev.storefront.local.shop;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * The security headers that CloudFront's response-headers policies add in AWS ({@code deploy/aws} {@code Edge}), on
 * every answer of the local edge: pages, API answers and the edge's own problems. They replace whatever a service or
 * the bucket sent under the same names, as the policies do ({@code override}).
 */
final class SecurityHeaders {
    /**
     * The policy of the pages' CSP meta tag (catalog-publisher's {@code templates/base.html}), unchanged, plus
     * {@code frame-ancestors 'none'}, which a meta tag cannot carry. A browser enforces both the header and the meta
     * tag, so a directive relaxed in only one of them stays strict.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** API answers are JSON for scripts, never documents: nothing may load from them or frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    /**
     * One year. Browsers ignore HSTS received over plain http (RFC 6797, section 8.1), so locally the header only
     * mirrors AWS, where CloudFront serves https.
     */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private SecurityHeaders() {}

    static void apply(HttpExchange exchange) {
        Headers headers = exchange.getResponseHeaders();
        String path = exchange.getRequestURI().getRawPath();
        headers.set("Content-Security-Policy", path != null && path.startsWith("/api/") ? API_POLICY : PAGE_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Strict-Transport-Security", HSTS);
    }
}
