package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.RepositoryRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The whole local stack as {@code ./shop} starts it: real PostgreSQL, S3 API, every packaged service as its own JVM
 * (two cart-service instances) and the edge on random ports. The last tests stop instances, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalShopTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalShop shop;

    @BeforeAll
    static void startShop() throws IOException {
        Map<ShopService, Integer> scale = new EnumMap<>(ShopService.class);
        for (ShopService service : ShopService.values()) {
            scale.put(service, service == ShopService.CART ? 2 : 1);
        }
        Path data = Files.createTempDirectory("local-shop-test-");
        shop = LocalShop.start(
                new LocalShop.Layout(
                        RepositoryRoot.find(), data, FreePort.pick(), FreePort.pick(), FreePort.pick(), false),
                scale,
                true);
    }

    @AfterAll
    static void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    @Test
    @Order(1)
    void routesEachApiPrefixToItsService() throws Exception {
        for (ShopService service : ShopService.values()) {
            String path = service.routePrefix() + "/edge-routing-probe";
            HttpResponse<String> response = get(path);
            String upstream = response.headers().firstValue("X-Upstream").orElse("");
            assertTrue(upstream.startsWith(service.moduleName() + "@"), path + " went to '" + upstream + "'");
            // The service itself answered: its own problem+json names the path it was asked for.
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(response.body().contains("\"instance\":\"" + path + "\""), response.body());
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
        }
    }

    @Test
    @Order(2)
    void unknownApiPathIsAProblemFromTheEdge() throws Exception {
        HttpResponse<String> response = get("/api/unknown-context/x");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("X-Upstream").isEmpty());
    }

    @Test
    @Order(3)
    void twoInstancesOfOneServiceBothAnswer() throws Exception {
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            answeredBy.add(get("/api/carts/round-robin-probe")
                    .headers()
                    .firstValue("X-Upstream")
                    .orElse("none"));
        }
        assertEquals(2, answeredBy.size(), "answered by " + answeredBy);
        assertTrue(answeredBy.stream().allMatch(u -> u.startsWith("cart-service@")), answeredBy.toString());
    }

    @Test
    @Order(4)
    void servesObjectsFromTheBucketWithTheirHeaders() throws Exception {
        try (var s3 = shop.s3().client()) {
            s3.putObject(
                    b -> b.bucket(LocalShop.BUCKET)
                            .key("edge-test/index.html")
                            .contentType("text/html;charset=utf-8")
                            .cacheControl("public, max-age=60"),
                    RequestBody.fromString("<!doctype html><title>edge test</title>"));
        }
        HttpResponse<String> page = get("/edge-test/");
        assertEquals(200, page.statusCode());
        assertEquals("<!doctype html><title>edge test</title>", page.body());
        assertEquals(
                "text/html;charset=utf-8",
                page.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "public, max-age=60", page.headers().firstValue("Cache-Control").orElse(""));
        String etag = page.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> revalidated = HTTP.send(
                HttpRequest.newBuilder(url("/edge-test/index.html"))
                        .header("If-None-Match", etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(304, revalidated.statusCode());

        assertEquals(404, get("/edge-test/missing.html").statusCode());
        assertEquals(
                405,
                HTTP.send(
                                HttpRequest.newBuilder(url("/edge-test/index.html"))
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode());
    }

    /**
     * The relay clears the cart with order-service's own service token: order-service signs with keys from its key
     * directory, and each cart-service instance fetches their public half from order-service's JWKS. The checkout is one
     * trace, started by the edge: order-service logs placing the order and clearing the cart, and cart-service logs the
     * clearing (a call made later by the outbox relay), all under its trace id.
     */
    @Test
    @Order(4)
    void aCheckoutClearsTheCartWithOrderServicesOwnTokenInTheCheckoutsTrace() throws Exception {
        String sku = "EDGE-CHECKOUT-1";
        try (var s3 = shop.s3().client()) {
            s3.putObject(
                    b -> b.bucket(LocalShop.BUCKET)
                            .key("catalog/products/" + sku + ".json")
                            .contentType("application/json"),
                    RequestBody.fromString("{\"sku\":\"" + sku + "\",\"slug\":\"edge-checkout-1\","
                            + "\"name\":\"Checkout test\",\"price\":700,\"currency\":\"EUR\",\"active\":true,"
                            + "\"stockStatus\":\"IN_STOCK\"}"));
        }
        String email = "local-shop-" + UUID.randomUUID() + "@example.test";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"Ledger-" + UUID.randomUUID() + "\"}";
        assertEquals(
                201,
                send("POST", "/api/accounts", null, credentials.replace("}", ",\"name\":\"Ada\"}"))
                        .statusCode());
        String bearer =
                field(send("POST", "/api/accounts/login", null, credentials).body(), "accessToken");
        String cartId = field(send("POST", "/api/carts", bearer, null).body(), "id");
        assertEquals(
                200,
                send("PUT", "/api/carts/" + cartId + "/items/" + sku, bearer, "{\"quantity\":2}")
                        .statusCode());

        HttpResponse<String> order = send(
                "POST",
                "/api/orders",
                bearer,
                "{\"cartId\":\"" + cartId + "\",\"shippingAddress\":{\"name\":\"Ada\",\"line1\":\"1 Main St\","
                        + "\"city\":\"London\",\"postalCode\":\"N1 9GU\",\"country\":\"GB\"}}");
        assertEquals(201, order.statusCode(), order.body());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        String cart = send("GET", "/api/carts/" + cartId, bearer, null).body();
        while (!cart.contains("\"lines\":[]") && System.nanoTime() < deadline) {
            Thread.sleep(250);
            cart = send("GET", "/api/carts/" + cartId, bearer, null).body();
        }
        assertTrue(cart.contains("\"lines\":[]"), "the cart was not cleared after the order: " + cart);

        String orderId = field(order.body(), "id");
        String requestId = order.headers().firstValue("X-Request-Id").orElseThrow();
        // Plain-text service logs: ... [<request id>] [<trace id> <span id>] <message>
        Matcher placed = logged(ShopService.ORDER, "Order " + orderId + " placed")
                .map(line -> Pattern.compile(
                                "\\[" + Pattern.quote(requestId) + "\\] \\[([0-9a-f]{32}) [0-9a-f]{16}\\] ")
                        .matcher(line))
                .filter(Matcher::find)
                .orElseThrow(() -> new AssertionError("order-service logged no placed order " + orderId
                        + " with request id " + requestId + " and a trace id"));
        String traceId = placed.group(1);
        String inTrace = "[" + requestId + "] [" + traceId + " ";
        assertTrue(
                logged(ShopService.ORDER, "Cleared cart " + cartId + " after order " + orderId)
                        .filter(line -> line.contains(inTrace))
                        .isPresent(),
                "order-service's outbox relay cleared the cart in the checkout's trace " + traceId);
        assertTrue(
                logged(ShopService.CART, "Cleared order " + orderId + " from cart " + cartId)
                        .filter(line -> line.contains(inTrace))
                        .isPresent(),
                "cart-service logged clearing the cart in the checkout's trace " + traceId);
    }

    /** The first line that contains {@code text} in the logs of any instance of {@code service}. */
    private static Optional<String> logged(ShopService service, String text) throws IOException {
        for (ServiceInstance instance : shop.instances()) {
            if (instance.service() == service) {
                try (var lines = Files.lines(instance.log())) {
                    Optional<String> line = lines.filter(l -> l.contains(text)).findFirst();
                    if (line.isPresent()) {
                        return line;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> send(String method, String path, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(5)
    void twoCartInstancesShareCartsAndNeedNoCatalogPublisher() throws Exception {
        ServiceInstance catalog = shop.instances().stream()
                .filter(i -> i.service() == ShopService.CATALOG)
                .findFirst()
                .orElseThrow();
        catalog.stop(java.time.Duration.ofSeconds(15));
        assertFalse(catalog.isAlive());

        String sku = "EDGE-TEST-1";
        try (var s3 = shop.s3().client()) {
            s3.putObject(
                    b -> b.bucket(LocalShop.BUCKET)
                            .key("catalog/products/" + sku + ".json")
                            .contentType("application/json"),
                    RequestBody.fromString("{\"sku\":\"" + sku + "\",\"slug\":\"edge-test-1\",\"name\":\"Edge test\","
                            + "\"price\":1250,\"currency\":\"EUR\",\"active\":true,\"stockStatus\":\"IN_STOCK\"}"));
        }
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(url("/api/carts"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String id = field(created.body(), "id");
        String token = field(created.body(), "token");
        HttpResponse<String> added = HTTP.send(
                HttpRequest.newBuilder(url("/api/carts/" + id + "/items/" + sku))
                        .header("X-Cart-Token", token)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":3}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, added.statusCode(), added.body());

        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> read = HTTP.send(
                    HttpRequest.newBuilder(url("/api/carts/" + id))
                            .header("X-Cart-Token", token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, read.statusCode(), read.body());
            assertTrue(read.body().contains("\"quantity\":3"), read.body());
            servedBy.add(read.headers().firstValue("X-Upstream").orElse("none"));
        }
        assertEquals(2, servedBy.size(), "the same cart was read from both instances: " + servedBy);
    }

    private static String field(String json, String name) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json)
                .get(name)
                .asText();
    }

    @Test
    @Order(6)
    void routesAroundAnInstanceThatDied() throws Exception {
        ServiceInstance victim = shop.instances().stream()
                .filter(i -> i.service() == ShopService.CART)
                .reduce((first, second) -> second)
                .orElseThrow();
        victim.kill();
        victim.stop(java.time.Duration.ofSeconds(5));
        assertFalse(victim.isAlive());
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = get("/api/carts/after-kill-probe");
            assertTrue(response.statusCode() < 500, "status " + response.statusCode() + ": " + response.body());
            assertFalse(response.headers().firstValue("X-Upstream").orElse("").endsWith("@" + victim.port()));
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + shop.edgePort() + path);
    }
}
