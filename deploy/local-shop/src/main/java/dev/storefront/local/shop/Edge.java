package dev.storefront.local.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The local stand-in for CloudFront + ALB on one port: {@code /api/*} goes to the services by path prefix
 * (round-robin across instances), everything else is served from the bucket by {@link BucketPages}.
 *
 * <p>Like the ALB it adds {@code X-Forwarded-For/-Proto/-Host} and an {@code X-Request-Id} when the client sent none,
 * and answers 502/503/504 as problem+json when no instance can take the request. Unlike the ALB it also starts a W3C
 * trace ({@code traceparent}, {@link TraceParents}) when the client sent none that is valid, so the services see one
 * trace per request from the edge on. It also says which instance answered
 * in {@code X-Upstream}, which helps when several instances run.
 *
 * <p>Like CloudFront in AWS it refuses paths with dot segments or encoded separators before routing
 * ({@link RequestPaths}), so no path routed by a service's public prefix can resolve outside it, and it sends the
 * same security headers on every answer ({@link SecurityHeaders}). It routes only to the services' API ports: their
 * {@code /q/*} (health, metrics, OpenAPI) are on management ports it does not know.
 */
final class Edge implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Edge.class);
    private static final int MAX_BODY = 1024 * 1024;
    /** Headers that describe one hop and must not be forwarded, plus the ones the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "transfer-encoding",
            "te",
            "trailer",
            "upgrade",
            "host",
            "content-length",
            "expect",
            "date",
            "via",
            "from",
            "warning");

    /**
     * The JDK server writes an answer's headers and its body as two TCP segments. Without {@code TCP_NODELAY} the body
     * waits until the browser acknowledges the headers, which Linux delays by up to 40 ms: a 4 KB object took 47 ms
     * (median) on loopback instead of 2 ms, so every page, script and search shard paid it, and the search's three
     * fetches in a row paid it three times. CloudFront sends without that wait. The JDK reads the setting once, when
     * its first server starts, so it is set here, before any; a value given on the command line is kept.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Upstreams upstreams;
    private final BucketPages pages;

    private Edge(HttpServer server, ExecutorService executor, Upstreams upstreams, BucketPages pages) {
        this.server = server;
        this.executor = executor;
        this.upstreams = upstreams;
        this.pages = pages;
        // The client keeps its own executor (the JDK's default). On the server's pool, every pool thread blocked in
        // send() left none to complete the responses they waited for: under a spike the edge stalled until the 30 s
        // timeouts, static pages included (docs/performance.md, the 4x load run).
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static Edge start(int port, Upstreams upstreams, BucketPages pages) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
            ExecutorService executor = Executors.newFixedThreadPool(64, r -> {
                Thread t = new Thread(r, "edge");
                t.setDaemon(true);
                return t;
            });
            Edge edge = new Edge(server, executor, upstreams, pages);
            server.createContext("/", edge::handle);
            server.setExecutor(executor);
            server.start();
            return edge;
        } catch (IOException e) {
            throw new UncheckedIOException("The edge cannot listen on 127.0.0.1:" + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!RequestPaths.isSafe(path)) {
                Responses.problem(
                        exchange,
                        400,
                        "Bad Request",
                        "The path has a dot segment, an encoded slash or a backslash; send the resolved path instead");
                return;
            }
            var targets = path.startsWith("/api/")
                    ? upstreams.route(path)
                    : java.util.Optional.<List<Upstreams.Target>>empty();
            if (targets.isPresent()) {
                proxy(exchange, targets.get());
            } else if (path.startsWith("/api/")) {
                Responses.problem(exchange, 404, "Not Found", "No service serves " + path);
            } else {
                pages.serve(exchange);
            }
        } catch (RuntimeException e) {
            LOG.error("Edge failure", e);
            Responses.problem(exchange, 502, "Bad Gateway", "The edge could not handle the request");
        }
    }

    private void proxy(HttpExchange exchange, List<Upstreams.Target> targets) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            Responses.problem(exchange, 413, "Content Too Large", "Request bodies are limited to 1 MiB at the edge");
            return;
        }
        String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        if (requestId == null || requestId.isBlank()) {
            requestId = UUID.randomUUID().toString();
        }
        // One trace for the request, whichever instance ends up answering it.
        String traceparent = TraceParents.forward(exchange.getRequestHeaders().getFirst(TraceParents.HEADER));
        String service = targets.get(0).service();
        for (Upstreams.Target target : targets) {
            HttpRequest request = forward(exchange, target, body, requestId, traceparent);
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                relay(exchange, response, target, requestId);
                return;
            } catch (HttpConnectTimeoutException | ConnectException e) {
                LOG.debugf("%s on port %d refused the connection; trying the next instance", service, target.port());
            } catch (HttpTimeoutException e) {
                Responses.problem(exchange, 504, "Gateway Timeout", service + " did not answer in time");
                return;
            } catch (IOException e) {
                if (e.getCause() instanceof ConnectException) {
                    continue;
                }
                Responses.problem(exchange, 502, "Bad Gateway", service + " closed the connection");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Responses.problem(exchange, 503, "Service Unavailable", "The edge is shutting down");
                return;
            }
        }
        Responses.problem(exchange, 503, "Service Unavailable", service + " is unavailable; try again shortly");
    }

    private static HttpRequest forward(
            HttpExchange exchange, Upstreams.Target target, byte[] body, String requestId, String traceparent) {
        URI uri = URI.create(
                "http://127.0.0.1:" + target.port() + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower)
                    && !lower.startsWith("x-forwarded-")
                    && !lower.equals("x-request-id")
                    && !lower.equals(TraceParents.HEADER)
                    && !lower.equals(TraceParents.STATE_HEADER)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        builder.header(TraceParents.HEADER, traceparent);
        String tracestate = exchange.getRequestHeaders().getFirst(TraceParents.STATE_HEADER);
        if (traceparent.equals(exchange.getRequestHeaders().getFirst(TraceParents.HEADER)) && tracestate != null) {
            builder.header(
                    TraceParents.STATE_HEADER, tracestate); // the vendors' part, only with the trace it belongs to
        }
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        String forwardedFor = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        builder.header("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        builder.header("X-Forwarded-Proto", "http");
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null) {
            builder.header("X-Forwarded-Host", host);
        }
        builder.header("X-Request-Id", requestId);
        return builder.build();
    }

    private static void relay(
            HttpExchange exchange, HttpResponse<byte[]> response, Upstreams.Target target, String requestId)
            throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.getResponseHeaders().set("X-Upstream", target.service() + "@" + target.port());
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        Responses.send(exchange, response.statusCode(), response.body());
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    /** Small helpers for writing responses with the JDK server. */
    static final class Responses {
        private static final ObjectMapper JSON = new ObjectMapper();

        private Responses() {}

        /** Every answer of the edge goes out here, with the security headers on top of the upstream's. */
        static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
            SecurityHeaders.apply(exchange);
            boolean noBody =
                    status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod()) || body.length == 0;
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                exchange.getResponseBody().write(body);
            }
        }

        static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status);
            problem.put("detail", detail);
            problem.put("instance", exchange.getRequestURI().getRawPath());
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            send(exchange, status, JSON.writeValueAsBytes(problem));
        }
    }
}
