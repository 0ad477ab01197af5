package dev.storefront.local.shop;

import dev.storefront.local.infra.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short, bounded load of real requests against one service on loopback, from two client threads: a warm-up, then a
 * measured window whose throughput is reported. Each service gets its everyday requests: account-service signs in
 * once and reads the profile, addresses and JWKS; cart-service creates a cart, adds an item and reads it;
 * order-service lists orders and misses one; catalog-publisher lists products for an admin. Nothing here places an
 * order or publishes, so the figures are about the JVM, not about PostgreSQL or S3 writes.
 */
final class StartupLoad {
    private static final int CLIENTS = 2;
    private static final Pattern FIELD = Pattern.compile("\"(id|token|accessToken)\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Requests per second in the measured window, and requests that got an unexpected status. */
    record Result(double requestsPerSecond, long errors) {}

    private final ShopService service;
    private final String url;
    private final String sku;
    private final AtomicLong errors = new AtomicLong();

    private StartupLoad(ShopService service, String url, String sku) {
        this.service = service;
        this.url = url;
        this.sku = sku;
    }

    static StartupLoad of(ShopService service, String url, String sku) {
        return new StartupLoad(service, url, sku);
    }

    Result run(Duration warmup, Duration measure) throws Exception {
        if (warmup.isZero() && measure.isZero()) {
            return new Result(0, 0);
        }
        String bearer = "Bearer " + token();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long warmupEnd = System.nanoTime() + warmup.toNanos();
            long measureEnd = warmupEnd + measure.toNanos();
            AtomicLong measured = new AtomicLong();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (System.nanoTime() < measureEnd) {
                        int requests;
                        try {
                            requests = iteration(bearer);
                        } catch (HttpTimeoutException e) {
                            errors.incrementAndGet();
                            continue;
                        }
                        if (System.nanoTime() > warmupEnd) {
                            measured.addAndGet(requests);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            return new Result(measure.isZero() ? 0 : measured.get() / (double) measure.toSeconds(), errors.get());
        } finally {
            clients.shutdownNow();
        }
    }

    /** One round of the service's requests; returns how many were sent. */
    private int iteration(String bearer) throws IOException, InterruptedException {
        switch (service) {
            case ACCOUNT -> {
                expect(200, get("/api/accounts/me", bearer));
                expect(200, get("/api/accounts/me/addresses", bearer));
                expect(200, get("/api/accounts/jwks.json", null));
                return 3;
            }
            case CART -> {
                HttpResponse<String> created =
                        send(HttpRequest.newBuilder(uri("/api/carts")).POST(HttpRequest.BodyPublishers.noBody()));
                expect(201, created);
                String id = field(created.body(), "id");
                String token = field(created.body(), "token");
                expect(
                        200,
                        send(HttpRequest.newBuilder(uri("/api/carts/" + id + "/items/" + sku))
                                .header("X-Cart-Token", token)
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":2}"))));
                expect(
                        200,
                        send(HttpRequest.newBuilder(uri("/api/carts/" + id))
                                .header("X-Cart-Token", token)
                                .GET()));
                return 3;
            }
            case ORDER -> {
                expect(200, get("/api/orders", bearer));
                expect(404, get("/api/orders/" + UUID.randomUUID(), bearer));
                return 2;
            }
            case CATALOG -> {
                expect(200, get("/api/catalog/products", bearer));
                return 1;
            }
            default -> throw new IllegalStateException(service.name());
        }
    }

    /** account-service: a real sign-up and sign-in; the others: a token from the key their JWKS holds. */
    private String token() throws IOException, InterruptedException {
        return switch (service) {
            case ACCOUNT -> {
                String email = StartupBenchmarkTest.uniqueEmail();
                String password = "Bench-Horse-Battery-Staple-42";
                expect(
                        201,
                        post(
                                "/api/accounts",
                                "{\"email\":\"" + email + "\",\"password\":\"" + password
                                        + "\",\"name\":\"Bench Mark\"}"));
                HttpResponse<String> login =
                        post("/api/accounts/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
                expect(200, login);
                yield field(login.body(), "accessToken");
            }
            case CATALOG -> TestTokens.admin(UUID.randomUUID());
            default -> TestTokens.customer(UUID.randomUUID());
        };
    }

    private HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return send(request);
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        // Generous: a loaded machine, and a JVM recording an AOT cache, can be slow to answer the first requests.
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status && errors.getAndIncrement() < 3) {
            System.out.printf(
                    "%s: %s %s -> %d %s%n",
                    service.moduleName(),
                    response.request().method(),
                    response.uri().getPath(),
                    response.statusCode(),
                    response.body());
        }
    }

    private URI uri(String path) {
        return URI.create(url + path);
    }

    private static String field(String json, String name) {
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("No \"" + name + "\" in " + json);
    }
}
