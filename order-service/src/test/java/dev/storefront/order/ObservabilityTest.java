package dev.storefront.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Latency per endpoint and per call to cart-service can be read from /q/metrics (management port), and one checkout
 * can be followed through order-service and the real cart-service by the request id it was sent with.
 */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class ObservabilityTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** From ManagementTestResource (declared for every test class of this module in HealthTest). */
    @InjectManagementPort
    int managementPort;

    @InjectCartService
    ServiceProcess cart;

    @InjectCatalog
    TestCatalog catalog;

    @InjectSpanCollector
    SpanCollector spans;

    @Test
    void checkoutLatencyAndItsCallsToCartServiceAreHistogramsWithAFewFixedBuckets() {
        Shopper.signIn(cart).placeOrder(catalog);

        List<String> served =
                bucketLines("http_server_requests_seconds", "uri=\"/api/orders\"", "method=\"POST\"", "status=\"201\"");
        // 14 bounds from 5 ms to 5 s, plus +Inf: p99 is computable, and the series count stays small.
        assertEquals(15, served.size(), String.join("\n", served));
        assertTrue(count(served) >= 1, String.join("\n", served));
        List<String> called = bucketLines(
                "http_client_requests_seconds", "uri=\"/api/carts/{id}\"", "method=\"GET\"", "status=\"200\"");
        assertEquals(15, called.size(), metricsLines("http_client_requests_seconds"));
        assertTrue(count(called) >= 1, String.join("\n", called));
        assertFalse(metricsLines("agroal_active_count").isEmpty(), "connection pool metrics");
    }

    @Test
    void oneCheckoutCanBeFollowedIntoCartServiceByItsRequestIdAndTraceId() {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");
        String requestId = "checkout-" + UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        shopper.orders()
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
                .body(Shopper.body(cartId))
                .post("/api/orders")
                .then()
                .statusCode(201)
                .header("X-Request-Id", requestId);

        // The cart read during checkout went out with the id and in the checkout's trace (cart-service's access log,
        // switched on for tests) ...
        Eventually.within(
                Duration.ofSeconds(10),
                "cart-service received GET /api/carts/" + cartId + " with X-Request-Id " + requestId + " in trace "
                        + traceId,
                () -> cartLog().stream()
                        .anyMatch(l -> l.contains("GET /api/carts/" + cartId)
                                && l.contains("X-Request-Id=" + requestId)
                                && l.contains("traceparent=00-" + traceId + "-")));
        // ... and taking the order's lines out of the cart afterwards, through the outbox, is logged by cart-service
        // under the same id and trace: the outbox row kept both. Its JSON log line has the ids side by side in "mdc".
        Eventually.within(
                Duration.ofSeconds(20),
                "cart-service logged clearing the order from cart " + cartId + " with requestId " + requestId
                        + " and traceId " + traceId,
                () -> cartLog().stream()
                        .anyMatch(l -> l.contains("from cart " + cartId + ":")
                                && l.contains("\"requestId\":\"" + requestId + "\"")
                                && l.contains("\"traceId\":\"" + traceId + "\"")
                                && l.matches(".*\"spanId\":\"[0-9a-f]{16}\".*")));
        assertTrue(
                cartLog().stream()
                        .anyMatch(l -> l.contains("POST /api/carts/" + cartId + "/clear")
                                && l.contains("traceparent=00-" + traceId + "-")),
                "the relay's call to clear the cart carried the checkout's trace");
    }

    /**
     * With an OTLP endpoint set (cart-service here; every service in AWS prod) the spans of a sampled trace are
     * exported there; one that is not sampled costs a trace id in the logs and is never sent.
     */
    @Test
    void aServiceWithAnEndpointExportsTheSampledTracesItTookPartIn() {
        Shopper shopper = Shopper.signIn(cart);
        String sampled = UUID.randomUUID().toString().replace("-", "");
        String unsampled = UUID.randomUUID().toString().replace("-", "");
        // the unsampled checkout first: spans leave in the order they end, so once the sampled trace's are out, any of
        // the unsampled one's would be too
        for (String trace : List.of(unsampled, sampled)) {
            String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");
            String flags = trace.equals(sampled) ? "01" : "00";
            shopper.orders()
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("traceparent", "00-" + trace + "-" + trace.substring(16) + "-" + flags)
                    .body(Shopper.body(cartId))
                    .post("/api/orders")
                    .then()
                    .statusCode(201);
        }
        Eventually.within(
                Duration.ofSeconds(30),
                "cart-service exported the spans of sampled trace " + sampled,
                () -> spans.received(sampled));
        assertFalse(spans.received(unsampled), "cart-service exported an unsampled trace");
    }

    @Test
    void aSaneRequestIdIsEchoed() {
        String id = "edge-" + UUID.randomUUID() + ":1.a_b";
        given().header("X-Request-Id", id)
                .get("/api/orders/{id}", UUID.randomUUID())
                .then()
                .statusCode(401)
                .header("X-Request-Id", id);
    }

    @Test
    void anInsaneRequestIdIsReplacedWithANewOne() {
        for (String bad : List.of("two words", "x".repeat(129), "id\"}{\"level\":\"ERROR", "")) {
            given().header("X-Request-Id", bad)
                    .get("/api/orders/{id}", UUID.randomUUID())
                    .then()
                    .header("X-Request-Id", matchesPattern(UUID_PATTERN))
                    .header("X-Request-Id", not(equalTo(bad)));
        }
    }

    @Test
    void behindTheAlbTheTraceRootIsTheRequestId() {
        given().header(
                        "X-Amzn-Trace-Id",
                        "Self=1-67891234-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678")
                .get("/api/orders/{id}", UUID.randomUUID())
                .then()
                .header("X-Request-Id", "1-67891233-abcdef012345678912345678");
    }

    private List<String> cartLog() {
        try {
            return Files.readAllLines(cart.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code _bucket} lines of histogram {@code name} whose labels contain all of {@code labels}. */
    private List<String> bucketLines(String name, String... labels) {
        return metrics()
                .lines()
                .filter(l -> l.startsWith(name + "_bucket{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .toList();
    }

    private String metricsLines(String name) {
        return String.join(
                "\n", metrics().lines().filter(l -> l.startsWith(name)).toList());
    }

    /** The {@code +Inf} bucket's value: how many requests the series counted. */
    private static double count(List<String> buckets) {
        String inf = buckets.stream()
                .filter(l -> l.contains("le=\"+Inf\""))
                .findFirst()
                .orElseThrow();
        return Double.parseDouble(inf.substring(inf.lastIndexOf(' ') + 1));
    }

    private String metrics() {
        return given().port(managementPort)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }
}
