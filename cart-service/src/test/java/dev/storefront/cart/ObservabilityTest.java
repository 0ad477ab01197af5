package dev.storefront.cart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Latency per endpoint can be read from /q/metrics (management port), and every response carries the request id its log
 * lines carry.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class ObservabilityTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** From ManagementTestResource (declared for every test class of this module in HealthTest). */
    @InjectManagementPort
    int managementPort;

    @Test
    void latencyOfAnEndpointIsAHistogramWithAFewFixedBuckets() {
        CartClient.anonymous().create().statusCode(201);

        List<String> buckets =
                bucketLines("http_server_requests_seconds", "uri=\"/api/carts\"", "method=\"POST\"", "status=\"201\"");
        // 14 bounds from 5 ms to 5 s, plus +Inf: p99 is computable, and the series count stays small.
        assertEquals(15, buckets.size(), String.join("\n", buckets));
        String inf = buckets.stream()
                .filter(l -> l.contains("le=\"+Inf\""))
                .findFirst()
                .orElseThrow();
        assertTrue(Double.parseDouble(inf.substring(inf.lastIndexOf(' ') + 1)) >= 1, inf);
        assertTrue(metrics().contains("agroal_active_count"), "connection pool metrics");
    }

    @Test
    void aSaneRequestIdIsEchoed() {
        String id = "edge-" + UUID.randomUUID() + ":1.a_b";
        given().header("X-Request-Id", id)
                .get("/api/carts/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("X-Request-Id", id);
    }

    @Test
    void anInsaneRequestIdIsReplacedWithANewOne() {
        for (String bad : List.of("two words", "x".repeat(129), "id\"}{\"level\":\"ERROR", "")) {
            given().header("X-Request-Id", bad)
                    .get("/api/carts/{id}", UUID.randomUUID())
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
                .get("/api/carts/{id}", UUID.randomUUID())
                .then()
                .header("X-Request-Id", "1-67891233-abcdef012345678912345678");
    }

    @Test
    void aShoppersTokenIsVerifiedOnceForAllTheirRequests() {
        String token = TestTokens.customer(UUID.randomUUID());
        double hits = counter("cache_gets_total", "cache=\"verified-tokens\"", "result=\"hit\"");
        double misses = counter("cache_gets_total", "cache=\"verified-tokens\"", "result=\"miss\"");
        String cartId =
                CartClient.withBearer(token).create().statusCode(201).extract().path("id");
        for (int i = 0; i < 4; i++) {
            CartClient.withBearer(token).get(cartId).statusCode(200);
        }
        // Counted where a request is signed in (RememberedIdentities, asked before smallrye-jwt): one miss, then hits.
        assertEquals(1, counter("cache_gets_total", "cache=\"verified-tokens\"", "result=\"miss\"") - misses);
        assertEquals(4, counter("cache_gets_total", "cache=\"verified-tokens\"", "result=\"hit\"") - hits);
        // A token it has not verified before is checked in full.
        CartClient.withBearer(TestTokens.forged(UUID.randomUUID())).get(cartId).statusCode(401);
    }

    /** The value of counter {@code name} whose labels contain all of {@code labels} (0 before its first count). */
    double counter(String name, String... labels) {
        return metrics()
                .lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The {@code _bucket} lines of histogram {@code name} whose labels contain all of {@code labels}. */
    List<String> bucketLines(String name, String... labels) {
        return metrics()
                .lines()
                .filter(l -> l.startsWith(name + "_bucket{"))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .toList();
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
