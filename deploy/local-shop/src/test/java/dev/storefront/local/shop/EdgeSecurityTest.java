package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.RepositoryRoot;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The edge alone, on random ports, in front of a stand-in service and a real S3 API: which paths it refuses before
 * routing, and the security headers on its answers. The stand-in resolves dot segments and percent-encoding the way a
 * Quarkus service does, and serves {@code /q/metrics}, so a path the edge let through would show up as metrics.
 */
class EdgeSecurityTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BUCKET = "edge-security-test";
    private static final String METRICS = "# TYPE http_server_requests_seconds histogram";
    private static final String NOT_FOUND_PROBLEM = "{\"type\":\"https://storefront.dev/problems/order-not-found\","
            + "\"title\":\"Not Found\",\"status\":404}";
    private static final String NOT_FOUND_PAGE = "<!doctype html><title>Not found</title><p>No such page</p>";

    private static final List<String> seenByService = new CopyOnWriteArrayList<>();
    private static HttpServer service;
    private static LocalS3 s3;
    private static S3Client s3Client;
    private static Edge edge;

    @BeforeAll
    static void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePort.pick()), 16);
        service.createContext("/", exchange -> {
            try (exchange) {
                String raw = exchange.getRequestURI().getRawPath();
                seenByService.add(raw);
                if (raw.contains("/missing-")) {
                    byte[] problem = NOT_FOUND_PROBLEM.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                    exchange.sendResponseHeaders(404, problem.length);
                    exchange.getResponseBody().write(problem);
                    return;
                }
                boolean metrics = resolvedByTheService(raw).startsWith("/q/");
                byte[] body = (metrics ? METRICS : "service saw " + raw).getBytes(StandardCharsets.UTF_8);
                // headers a service might send; the edge's own must win, as CloudFront's policies override them
                exchange.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
                exchange.getResponseHeaders().set("Content-Security-Policy", "default-src *");
                exchange.getResponseHeaders().set("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        service.start();

        s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);
        s3Client = s3.client();
        s3Client.putObject(
                b -> b.bucket(BUCKET).key("sign-in.html").contentType("text/html;charset=utf-8"),
                RequestBody.fromString("<!doctype html><title>Sign in</title><form></form>"));
        s3Client.putObject(
                b -> b.bucket(BUCKET).key("404.html").contentType("text/html;charset=utf-8"),
                RequestBody.fromString(NOT_FOUND_PAGE));

        Upstreams upstreams = new Upstreams();
        for (ShopService spec : ShopService.values()) {
            upstreams.add(
                    spec.routePrefix(), spec.moduleName(), service.getAddress().getPort());
        }
        edge = Edge.start(FreePort.pick(), upstreams, new BucketPages(s3Client, BUCKET));
    }

    @AfterAll
    static void stop() {
        if (edge != null) {
            edge.close();
        }
        if (service != null) {
            service.stop(0);
        }
        if (s3Client != null) {
            s3Client.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void forgetRequests() {
        seenByService.clear();
    }

    @Test
    void managementEndpointsCannotBeReachedThroughAPublicPrefix() throws IOException {
        for (String path : List.of(
                "/api/accounts/%2e%2e/%2e%2e/q/metrics",
                "/api/carts/../../q/metrics",
                "/api/carts/%2E%2E/%2E%2E/q/metrics",
                "/api/orders/.%2e/%2E./q/metrics",
                "/api/carts/./../../q/metrics",
                "/api/carts/%2e/%2e%2e/%2e%2e/q/metrics",
                "/api/catalog/..%2f..%2fq/metrics",
                "/api/carts/%2e%2e%2F%2e%2e%2Fq/metrics",
                "/api/carts/..%5c..%5cq/metrics",
                "/api/carts/..%5C..%5Cq%5Cmetrics",
                "/api/carts\\..\\..\\q/metrics",
                "/api/carts/%252e%252e/%252e%252e/q/metrics",
                "/api/carts/..;/..;/q/metrics",
                "/api/carts/..")) {
            Answer answer = sendByteForByte(path);
            assertEquals(400, answer.status(), path + " answered " + answer);
            assertFalse(answer.body().contains(METRICS), path + " reached the metrics: " + answer);
        }
        assertEquals(List.of(), seenByService, "the edge forwarded paths it should have refused");
    }

    @Test
    void ordinaryPathsStillReachTheirService() throws IOException {
        for (String path : List.of(
                "/api/carts/3f1c/items/SKU-1",
                "/api/accounts/jwks.json",
                "/api/catalog/products/LAMP.2",
                "/api/orders/..x/")) {
            Answer answer = sendByteForByte(path);
            assertEquals(200, answer.status(), path + " answered " + answer);
            assertEquals("service saw " + path, answer.body());
        }
        assertEquals(4, seenByService.size(), seenByService.toString());
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/sign-in.html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Sign in</title>"));
        assertSecurityHeaders(page);
        Map<String, String> policy = directives(header(page, "Content-Security-Policy"));
        assertEquals("'none'", policy.get("frame-ancestors"), "sign-in must not be framed: " + policy);

        // a missing page and a refused method are answers of the edge too
        assertSecurityHeaders(get("/no-such-page.html"));
        assertSecurityHeaders(HTTP.send(
                HttpRequest.newBuilder(url("/sign-in.html")).DELETE().build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void thePagesPolicyKeepsWhatTheirMetaTagAllowsAndAddsFrameAncestors() throws Exception {
        String template = Files.readString(
                RepositoryRoot.find().resolve("catalog-publisher/src/main/resources/templates/base.html"));
        Matcher meta = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")
                .matcher(template);
        assertTrue(meta.find(), "base.html has no CSP meta tag");
        Map<String, String> expected = directives(meta.group(1));
        expected.put("frame-ancestors", "'none'");

        assertEquals(expected, directives(header(get("/sign-in.html"), "Content-Security-Policy")));
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersOverWhatTheServiceSent() throws Exception {
        HttpResponse<String> answer = get("/api/carts/3f1c");
        assertEquals(200, answer.statusCode());
        assertEquals("service saw /api/carts/3f1c", answer.body());
        assertSecurityHeaders(answer);
        assertEquals(
                Map.of("default-src", "'none'", "frame-ancestors", "'none'"),
                directives(header(answer, "Content-Security-Policy")));

        HttpResponse<String> refused = get("/api/unknown/x");
        assertEquals(404, refused.statusCode());
        assertSecurityHeaders(refused);
    }

    /**
     * As in AWS (a Lambda@Edge function on the bucket's behaviour only), the shop's 404 page answers missing pages and
     * nothing else: an API's own 404 problem reaches the client as the service sent it.
     */
    @Test
    void anApisNotFoundProblemReachesTheClientUntouched() throws Exception {
        HttpResponse<String> api = get("/api/orders/missing-order");
        assertEquals(404, api.statusCode());
        assertEquals(NOT_FOUND_PROBLEM, api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        HttpResponse<String> page = get("/products/missing-product.html");
        assertEquals(404, page.statusCode());
        assertEquals(NOT_FOUND_PAGE, page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.uri().getPath();
        assertEquals("nosniff", header(response, "X-Content-Type-Options"), what);
        assertEquals("DENY", header(response, "X-Frame-Options"), what);
        assertEquals("strict-origin-when-cross-origin", header(response, "Referrer-Policy"), what);
        assertTrue(header(response, "Strict-Transport-Security").startsWith("max-age=31536000"), what);
        assertTrue(header(response, "Content-Security-Policy").contains("frame-ancestors 'none'"), what);
        assertEquals(1, response.headers().allValues("X-Frame-Options").size(), what + ": one X-Frame-Options only");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** A policy as directive name → value, in order. */
    private static Map<String, String> directives(String policy) {
        Map<String, String> directives = new LinkedHashMap<>();
        for (String directive : policy.split(";")) {
            String trimmed = directive.trim();
            if (!trimmed.isEmpty()) {
                int space = trimmed.indexOf(' ');
                directives.put(
                        trimmed.substring(0, space).toLowerCase(Locale.ROOT),
                        trimmed.substring(space + 1).trim());
            }
        }
        return directives;
    }

    /** What a Quarkus service makes of a raw path: percent-decoded, then its dot segments resolved. */
    private static String resolvedByTheService(String rawPath) {
        try {
            String decoded = URI.create(rawPath).getPath().replace('\\', '/');
            return new URI(null, null, decoded, null).normalize().getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return rawPath;
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + edge.port() + path);
    }

    record Answer(int status, String body) {}

    /** Sends {@code path} exactly as written: an HTTP client library might resolve or re-encode it first. */
    private static Answer sendByteForByte(String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), edge.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }
}
