package dev.storefront.defaults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.S3TestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a client of any service sees from the shared plumbing: problem bodies, request ids, metrics and readiness, the
 * last two on the management interface only.
 */
@QuarkusTest
@QuarkusTestResource(value = S3TestResource.class, restrictToAnnotatedClass = true)
class ServiceDefaultsTest {
    private static final String PROBLEMS = "https://storefront.dev/problems/";

    /** The management interface's root ({@code http://localhost:<random port>/q}). */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void invalidFieldsAreListedOneByOne() {
        post("{\"name\": \"\", \"quantity\": 100}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body("title", equalTo("Bad Request"))
                .body("detail", equalTo("The request is not valid"))
                .body("instance", equalTo("/test/items"))
                .body("errors.field", equalTo(List.of("name", "quantity")));
    }

    @Test
    void malformedBodiesAreBadRequests() {
        problem(post("{\"name\": \"x\", \"quantity\": 1, \"colour\": \"red\"}"), 400, "malformed-request")
                .body("detail", equalTo("Unknown field 'colour'"));
        problem(post("{\"name\": \"x\", \"quantity\": 2.5}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'quantity' has an invalid value"));
        problem(post("[1, 2]"), 400, "malformed-request");
        problem(post("{\"name\": "), 400, "malformed-request");
    }

    /** Found by the services' fuzz tests: Jackson turned these into "42", "true", "1.5" and 12 and the request went on. */
    @Test
    void aValueOfTheWrongTypeIsNotConvertedButRefused() {
        for (String name : new String[] {"42", "true", "1.5"}) {
            problem(post("{\"name\": " + name + ", \"quantity\": 1}"), 400, "malformed-request")
                    .body("detail", equalTo("Field 'name' has an invalid value"));
        }
        problem(post("{\"name\": \"x\", \"quantity\": \"12\"}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'quantity' has an invalid value"));
        problem(post("{\"name\": \"x\", \"quantity\": \"\"}"), 400, "malformed-request");
        problem(post("{\"name\": \"x\", \"quantity\": 1, \"tags\": [7]}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'tags[0]' has an invalid value"));
        problem(post("{\"name\": \"x\", \"quantity\": 1, \"labels\": {\"k\": false}}"), 400, "malformed-request");
    }

    @Test
    void textNoServiceCanStoreIsABadRequestWhereverItIsInTheBody() {
        String notAllowed = "contains a character that is not allowed (NUL or an unpaired surrogate)";
        problem(post("{\"name\": \"a\\u0000b\", \"quantity\": 1}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'name' " + notAllowed));
        problem(post("{\"name\": \"\\ud800x\", \"quantity\": 1}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'name' " + notAllowed));
        problem(post("{\"name\": \"x\\udc00\", \"quantity\": 1}"), 400, "malformed-request");
        problem(post("{\"name\": \"x\", \"quantity\": 1, \"tags\": [\"ok\", \"\\u0000\"]}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'tags[1]' " + notAllowed));
        problem(post("{\"name\": \"x\", \"quantity\": 1, \"labels\": {\"k\": \"v\\u0000\"}}"), 400, "malformed-request")
                .body("detail", equalTo("Field 'labels.k' " + notAllowed));
        problem(post("{\"name\": \"x\", \"quantity\": 1, \"labels\": {\"k\\u0000\": \"v\"}}"), 400, "malformed-request")
                .body("detail", containsString(notAllowed));
        // A surrogate pair is one character (here an emoji), not an unpaired surrogate.
        post("{\"name\": \"tea \\ud83c\\udf75\", \"quantity\": 1}")
                .then()
                .statusCode(200)
                .body("name", equalTo("tea \ud83c\udf75"));
    }

    @Test
    void textNoServiceCanStoreIsABadRequestInPathAndQueryParameters() {
        String notAllowed = "contains a character that is not allowed (NUL or an unpaired surrogate)";
        given().urlEncodingEnabled(false)
                .get("/test/echo/plain?q=fine")
                .then()
                .statusCode(200)
                .body(equalTo("plain|fine|null"));
        problem(given().urlEncodingEnabled(false).get("/test/echo/a%00b"), 400, "malformed-request")
                .body("detail", equalTo("Path parameter 'text' " + notAllowed));
        problem(given().urlEncodingEnabled(false).get("/test/echo/plain?q=%00"), 400, "malformed-request")
                .body("detail", equalTo("Query parameter 'q' " + notAllowed));
    }

    /**
     * Why {@code SafeTextParameters} leaves headers alone: the HTTP server refuses a NUL in a header before any code of
     * ours runs (a plain 400 and the connection closed; an HTTP client cannot even send one, so this goes by socket).
     */
    @Test
    void aNulInAHeaderIsRefusedByTheHttpServerItself() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            String request =
                    "GET /test/echo/plain HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        }
    }

    @Test
    void apiAnswersMayNotBeStoredUnlessTheySaySo() {
        given().get("/api/test/private").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/test/public")
                .then()
                .statusCode(200)
                .header("Cache-Control", allOf(containsString("max-age=60"), not(containsString("no-store"))));
        problem(given().get("/api/test/nowhere"), 404, "not-found").header("Cache-Control", "no-store");
        given().get("/test/fail/nothing").then().statusCode(200).header("Cache-Control", nullValue());
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        String big = "{\"name\": \"" + "x".repeat(2048) + "\", \"quantity\": 1}";
        problem(post(big), 413, "body-too-large").body("detail", containsString("1024 bytes"));
    }

    @Test
    void frameworkHttpErrorsAreTypedByTheirStatus() {
        problem(given().get("/test/nowhere/at/all"), 404, "not-found");
        problem(given().contentType(ContentType.JSON).delete("/test/items"), 405, "method-not-allowed");
    }

    @Test
    void authenticationFailuresAskForABearerToken() {
        problem(given().get("/test/fail/unauthenticated"), 401, "unauthenticated")
                .header("WWW-Authenticate", "Bearer")
                .body("detail", equalTo("A bearer token is required"));
        problem(given().get("/test/fail/bad-token"), 401, "unauthenticated")
                .body("detail", equalTo("The bearer token is invalid or expired"));
        problem(given().get("/test/fail/forbidden"), 403, "forbidden");
    }

    @Test
    void aDatabaseOutageIsA503ToRetryNotABug() {
        problem(given().get("/test/fail/database"), 503, "database-unavailable").header("Retry-After", "2");
        // A commit cut off by a restart: Narayana keeps the driver's error as a suppressed exception.
        problem(given().get("/test/fail/commit"), 503, "database-unavailable");
    }

    @Test
    void serviceTokensWithoutKeysToCheckThemAreA503NotA401() {
        problem(given().get("/test/fail/no-service-keys"), 503, "service-tokens-unavailable")
                .header("Retry-After", "60")
                .body("detail", containsString("SERVICE_JWT_JWKS"));
    }

    @Test
    void aBugIsA500ThatRevealsNothing() {
        problem(given().get("/test/fail/bug"), 500, "internal-error")
                .body("detail", equalTo("An unexpected error occurred"))
                .body(not(containsString("NullPointerException")));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("X-Request-Id", "checkout-42")
                .get("/test/fail/nothing")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "checkout-42");
        given().header("X-Amzn-Trace-Id", "Root=1-67891233-abcdef012345678912345678;Sampled=1")
                .get("/test/fail/nothing")
                .then()
                .header("X-Request-Id", "1-67891233-abcdef012345678912345678");
        given().header("X-Request-Id", "bad id\nwith a line break")
                .get("/test/fail/nothing")
                .then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void latencyIsAHistogramWithFixedBuckets() {
        given().get("/test/fail/nothing").then().statusCode(200);
        management()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{method=\"GET\""))
                .body(containsString("le=\"0.02\""))
                .body(not(containsString("le=\"0.001048576\"")));
    }

    @Test
    void readyOnlyWhileTheBucketAnswers() {
        management()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.name", hasItem("test-bucket"))
                .body("checks.find { it.name == 'test-bucket' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'test-bucket' }.data.bucket", equalTo("storefront-pages"));
    }

    @Test
    void managementEndpointsAreNotServedOnThePublicPort() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            problem(given().get(path), 404, "not-found");
        }
        management().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().get("/q/openapi").then().statusCode(200);
    }

    /** Requests to the management interface's port (its own HTTP server; paths start with /q as usual). */
    private io.restassured.specification.RequestSpecification management() {
        return given().port(management.getPort());
    }

    private static io.restassured.response.Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/test/items");
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status, String slug) {
        return response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo(PROBLEMS + slug));
    }
}
