package dev.storefront.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
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
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class ObservabilityTest {
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    /** From ManagementTestResource (declared for every test class of this module in HealthTest). */
    @InjectManagementPort
    int managementPort;

    @Test
    void latencyOfAnEndpointIsAHistogramWithAFewFixedBuckets() {
        given().auth()
                .oauth2(TestTokens.admin(UUID.randomUUID()))
                .get("/api/catalog/products/{sku}", "NO-SUCH-SKU")
                .then()
                .statusCode(404);

        List<String> buckets = bucketLines(
                "http_server_requests_seconds",
                "uri=\"/api/catalog/products/{sku}\"",
                "method=\"GET\"",
                "status=\"404\"");
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
                .get("/api/catalog/products")
                .then()
                .statusCode(401)
                .header("X-Request-Id", id);
    }

    @Test
    void anInsaneRequestIdIsReplacedWithANewOne() {
        for (String bad : List.of("two words", "x".repeat(129), "id\"}{\"level\":\"ERROR", "")) {
            given().header("X-Request-Id", bad)
                    .get("/api/catalog/products")
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
                .get("/api/catalog/products")
                .then()
                .header("X-Request-Id", "1-67891233-abcdef012345678912345678");
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
