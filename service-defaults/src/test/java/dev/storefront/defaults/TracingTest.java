package dev.storefront.defaults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.S3TestResource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * W3C trace context in every service: a request continues the trace it came with (or starts one), its log lines carry
 * the trace and span ids next to the request id, work done later continues a stored trace, and the management
 * interface is never traced.
 */
@QuarkusTest
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = true)
class TracingTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SPAN_ID = "[0-9a-f]{16}";

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Inject
    CollectedSpans collected;

    @Test
    void aRequestContinuesTheTraceItCameWithAndLogsItsIds() {
        String trace = hex(16);
        String caller = hex(8);
        given().header("traceparent", "00-" + trace + "-" + caller + "-01")
                .header("X-Request-Id", "trace-test-1")
                .get("/test/trace")
                .then()
                .statusCode(200)
                .body("requestId", equalTo("trace-test-1"))
                .body("traceId", equalTo(trace))
                .body("spanId", allOf(matchesPattern(SPAN_ID), not(equalTo(caller))))
                // what a service stores with work for later, and what its REST clients send on
                .body("stored", matchesPattern("00-" + trace + "-" + SPAN_ID + "-01"));
    }

    @Test
    void aRequestWithoutTraceContextStartsATrace() {
        for (String traceparent : List.of("", "00-not-a-trace-01", "00-" + "0".repeat(32) + "-" + hex(8) + "-01")) {
            given().header("traceparent", traceparent)
                    .get("/test/trace")
                    .then()
                    .statusCode(200)
                    .body("traceId", allOf(matchesPattern("[0-9a-f]{32}"), not(equalTo("0".repeat(32)))))
                    .body("spanId", matchesPattern(SPAN_ID));
        }
    }

    @Test
    void workDoneLaterContinuesTheTraceStoredWithIt() {
        String trace = hex(16);
        String stored = given().header("traceparent", "00-" + trace + "-" + hex(8) + "-01")
                .get("/test/trace")
                .then()
                .extract()
                .path("stored");
        String storedSpan = stored.split("-")[2];

        given().queryParam("stored", stored)
                .get("/test/trace/later")
                .then()
                .statusCode(200)
                .body("requestId", equalTo("later"))
                .body("traceId", equalTo(trace))
                .body("spanId", allOf(matchesPattern(SPAN_ID), not(equalTo(storedSpan))));
    }

    @Test
    void workStoredWithoutUsableTraceContextStartsATraceOfItsOwn() {
        String requestTrace = hex(16);
        for (String stored : List.of("", "garbage")) {
            given().header("traceparent", "00-" + requestTrace + "-" + hex(8) + "-01")
                    .queryParam("stored", stored)
                    .get("/test/trace/later")
                    .then()
                    .statusCode(200)
                    .body("traceId", allOf(matchesPattern("[0-9a-f]{32}"), not(equalTo(requestTrace))));
        }
    }

    @Test
    void healthMetricsAndOpenApiAreNotTraced() throws InterruptedException {
        String untraced = hex(16);
        String traced = hex(16);
        String sampled = "00-" + untraced + "-" + hex(8) + "-01";
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            given().port(management.getPort())
                    .header("traceparent", sampled)
                    .get(path)
                    .then()
                    .statusCode(200);
        }
        given().header("traceparent", "00-" + traced + "-" + hex(8) + "-01")
                .get("/test/trace")
                .then()
                .statusCode(200);

        // Spans leave in the order they ended: once the API request's span is out, any /q span would be too.
        for (int i = 0; i < 300 && spansOf(traced).isEmpty(); i++) {
            Thread.sleep(100);
        }
        List<SpanData> api = spansOf(traced);
        assertEquals(1, api.size(), api.toString());
        assertTrue(api.get(0).getName().contains("/test/trace"), api.get(0).getName());
        assertEquals(List.of(), spansOf(untraced));
    }

    private List<SpanData> spansOf(String traceId) {
        return collected.spans().stream()
                .filter(s -> s.getTraceId().equals(traceId))
                .toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
