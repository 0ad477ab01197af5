package dev.storefront.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class CartApiTest {
    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    /** Where the OpenAPI document is: the management interface (ManagementTestResource, declared in HealthTest). */
    @InjectManagementPort
    int managementPort;

    @TestHTTPResource("/")
    URI base;

    @Test
    void anonymousCartLifecycle() {
        String tea = catalog.publish(TestCatalog.newSku(), 1250);
        String cup = catalog.publish(TestCatalog.newSku(), 499);
        var created = CartClient.anonymous()
                .create()
                .statusCode(201)
                .header("Cache-Control", "no-store") // it carries the cart's token
                .header("Location", matchesPattern(".*/api/carts/[0-9a-f-]{36}"))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("signedIn", equalTo(false))
                .body("lines", hasSize(0))
                .extract();
        String id = created.path("id");
        CartClient me = CartClient.withToken(created.path("token"));

        me.put(id, tea, 2).statusCode(200).body("lines", hasSize(1));
        me.put(id, cup, 1).statusCode(200);
        me.get(id)
                .statusCode(200)
                .body("token", nullValue())
                .body("lines.sku", org.hamcrest.Matchers.contains(tea, cup))
                .body("lines[0].quantity", equalTo(2))
                .body("lines[0].unitPrice", equalTo(1250))
                .body("lines[0].currency", equalTo("EUR"))
                .body("lines[0].name", equalTo("Product " + tea))
                .body("lines[0].lineTotal", equalTo(2500))
                .body("lines[0].priceChanged", equalTo(false))
                .body("lines[0].available", equalTo(true))
                .body("totals[0].currency", equalTo("EUR"))
                .body("totals[0].amount", equalTo(2999))
                .body("itemCount", equalTo(3));

        me.put(id, tea, 5).statusCode(200).body("lines[0].quantity", equalTo(5));
        me.remove(id, cup).statusCode(200).body("lines.sku", org.hamcrest.Matchers.contains(tea));
        me.remove(id, cup).statusCode(200).body("lines", hasSize(1));
        String order = UUID.randomUUID().toString();
        CartClient.orderServiceClears(id, order, tea, 5).statusCode(204);
        CartClient.orderServiceClears(id, UUID.randomUUID().toString(), tea, 1).statusCode(204);
        me.get(id).statusCode(200).body("lines", hasSize(0)).body("totals", hasSize(0));
    }

    @Test
    void aClearDeliveredTwiceForOneOrderKeepsWhatWasAddedSince() {
        CartClient me = CartClient.withBearer(TestTokens.customer(UUID.randomUUID()));
        String id = me.create().statusCode(201).extract().path("id");
        String bought = catalog.publish(TestCatalog.newSku(), 300);
        String addedLater = catalog.publish(TestCatalog.newSku(), 400);
        String order = UUID.randomUUID().toString();
        me.put(id, bought, 1).statusCode(200);

        CartClient.orderServiceClears(id, order, bought, 1).statusCode(204);
        me.put(id, addedLater, 2).statusCode(200);
        me.put(id, bought, 1).statusCode(200);
        CartClient.orderServiceClears(id, order, bought, 1).statusCode(204);

        me.get(id).statusCode(200).body("lines.sku", org.hamcrest.Matchers.contains(addedLater, bought));
        CartClient.orderServiceClears(id, UUID.randomUUID().toString(), addedLater, 2, bought, 1)
                .statusCode(204);
        me.get(id).statusCode(200).body("lines", hasSize(0));
    }

    /**
     * Two sessions of one returning shopper share their one cart: what one session adds, or adds to, while the other's
     * order is being cleared stays in the cart.
     */
    @Test
    void aClearTakesOutOnlyWhatTheOrderBought() {
        CartClient me = CartClient.withBearer(TestTokens.customer(UUID.randomUUID()));
        String id = me.create().statusCode(201).extract().path("id");
        String gone = catalog.publish(TestCatalog.newSku(), 100);
        String raised = catalog.publish(TestCatalog.newSku(), 200);
        String lowered = catalog.publish(TestCatalog.newSku(), 300);
        String added = catalog.publish(TestCatalog.newSku(), 400);
        me.put(id, gone, 2).statusCode(200);
        me.put(id, raised, 1).statusCode(200);
        me.put(id, lowered, 3).statusCode(200);
        String order = UUID.randomUUID().toString(); // bought gone x2, raised x1, lowered x3
        // the other session, after that checkout read the cart and before the clear arrives:
        me.put(id, raised, 4).statusCode(200);
        me.put(id, lowered, 1).statusCode(200);
        me.put(id, added, 1).statusCode(200);

        CartClient.orderServiceClears(id, order, gone, 2, raised, 1, lowered, 3).statusCode(204);
        me.get(id)
                .statusCode(200)
                .body("lines.sku", org.hamcrest.Matchers.contains(raised, added))
                .body("lines.quantity", org.hamcrest.Matchers.contains(3, 1));

        CartClient.orderServiceClears(id, order, gone, 2, raised, 1, lowered, 3).statusCode(204);
        me.get(id).statusCode(200).body("lines.quantity", org.hamcrest.Matchers.contains(3, 1));
    }

    @Test
    void signedInShopperHasOneCurrentCart() {
        UUID account = UUID.randomUUID();
        CartClient me = CartClient.withBearer(TestTokens.customer(account));
        String id = me.create()
                .statusCode(201)
                .body("signedIn", equalTo(true))
                .body("token", nullValue())
                .extract()
                .path("id");
        me.put(id, catalog.publish(TestCatalog.newSku(), 300), 1).statusCode(200);
        me.create().statusCode(200).body("id", equalTo(id)).body("lines", hasSize(1));
        me.get(id).statusCode(200).body("lines", hasSize(1));
    }

    @Test
    void mergeMovesAnonymousLinesIntoTheShoppersCart() {
        String both = catalog.publish(TestCatalog.newSku(), 100);
        String onlyAnonymous = catalog.publish(TestCatalog.newSku(), 200);
        String bearer = TestTokens.customer(UUID.randomUUID());
        CartClient shopper = CartClient.withBearer(bearer);
        String own = shopper.create().statusCode(201).extract().path("id");
        shopper.put(own, both, 60).statusCode(200);

        var anon = CartClient.anonymous().create().extract();
        String anonId = anon.path("id");
        CartClient holder = CartClient.withToken(anon.path("token"));
        holder.put(anonId, both, 50).statusCode(200);
        holder.put(anonId, onlyAnonymous, 3).statusCode(200);

        holder.andBearer(bearer)
                .merge(anonId)
                .statusCode(200)
                .body("id", equalTo(own))
                .body("lines.sku", org.hamcrest.Matchers.contains(both, onlyAnonymous))
                .body("lines[0].quantity", equalTo(99))
                .body("lines[1].quantity", equalTo(3));
        holder.get(anonId).statusCode(404);
        holder.andBearer(bearer).merge(anonId).statusCode(404);
        shopper.get(own).statusCode(200).body("lines", hasSize(2));
    }

    @Test
    void someoneElsesCartDoesNotExist() {
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        var anon = CartClient.anonymous().create().extract();
        String anonId = anon.path("id");
        CartClient.withToken(anon.path("token")).put(anonId, sku, 1).statusCode(200);
        String ownerBearer = TestTokens.customer(UUID.randomUUID());
        String owned = CartClient.withBearer(ownerBearer).create().extract().path("id");
        CartClient.withBearer(ownerBearer).put(owned, sku, 1).statusCode(200);

        String otherToken = CartClient.anonymous().create().extract().path("token");
        String otherBearer = TestTokens.customer(UUID.randomUUID());
        for (CartClient stranger : new CartClient[] {
            CartClient.anonymous(),
            CartClient.withToken(otherToken),
            CartClient.withToken("forged-" + UUID.randomUUID()),
            CartClient.withBearer(otherBearer)
        }) {
            for (String id : new String[] {anonId, owned}) {
                expectNotFound(stranger.get(id));
                expectNotFound(stranger.put(id, sku, 5));
                expectNotFound(stranger.put(id, "NO-SUCH-SKU", 5));
                expectNotFound(stranger.remove(id, sku));
            }
        }
        expectNotFound(CartClient.withToken(otherToken).andBearer(otherBearer).merge(anonId));
        expectNotFound(CartClient.withBearer(otherBearer).merge(anonId));
        expectNotFound(CartClient.withToken(otherToken).andBearer(otherBearer).merge(owned));
        expectNotFound(CartClient.anonymous().get(UUID.randomUUID().toString()));

        CartClient.withToken(anon.path("token")).get(anonId).statusCode(200).body("lines[0].quantity", equalTo(1));
        CartClient.withBearer(ownerBearer).get(owned).statusCode(200).body("lines[0].quantity", equalTo(1));
    }

    @Test
    void badBearerTokensAre401() {
        UUID account = UUID.randomUUID();
        var anon = CartClient.anonymous().create().extract();
        String anonId = anon.path("id");
        for (String bad : new String[] {
            TestTokens.forged(account), TestTokens.expired(account), TestTokens.wrongIssuer(account), "not-a-jwt"
        }) {
            expectUnauthenticated(CartClient.withBearer(bad).create());
            expectUnauthenticated(
                    CartClient.withToken(anon.path("token")).andBearer(bad).get(anonId));
            expectUnauthenticated(
                    CartClient.withToken(anon.path("token")).andBearer(bad).merge(anonId));
        }
        expectUnauthenticated(CartClient.withToken(anon.path("token")).merge(anonId));
        CartClient.withToken(anon.path("token")).get(anonId).statusCode(200);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        String sku = catalog.publish(TestCatalog.newSku(), 700);
        String inactive = catalog.publish(TestCatalog.newSku(), 700, false, "IN_STOCK");
        String soldOut = catalog.publish(TestCatalog.newSku(), 700, true, "OUT_OF_STOCK");
        ExtractableResponse<Response> anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        me.put(id, sku, 2).statusCode(200);

        expectProblem(
                me.put(id, "NO-SUCH-" + UUID.randomUUID().toString().substring(0, 8), 1), 422, "product-unavailable");
        expectProblem(me.put(id, inactive, 1), 422, "product-unavailable");
        expectProblem(me.put(id, soldOut, 1), 422, "product-unavailable");
        expectProblem(me.put(id, "bad/sku", 1), 400);
        expectProblem(me.put(id, "-bad", 1), 400);
        var nul = me.put(id, sku + "\u0000", 1);
        expectProblem(nul, 400, "malformed-request");
        nul.body("detail", startsWith("Path parameter 'sku' contains a character that is not allowed"));
        expectProblem(me.put(id, sku, 0), 400, "validation-failed");
        expectProblem(me.put(id, sku, 100), 400);
        expectProblem(me.put(id, sku, -1), 400);
        expectProblem(me.putRaw(id, sku, "{\"quantity\":\"abc\"}"), 400);
        expectProblem(me.putRaw(id, sku, "{\"quantity\":2.5}"), 400, "malformed-request");
        expectProblem(me.putRaw(id, sku, "{\"quantity\":"), 400);
        expectProblem(me.putRaw(id, sku, "{\"quantity\":3,\"price\":1}"), 400);
        expectProblem(me.putRaw(id, sku, "{}"), 400);
        expectProblem(me.putRaw(id, sku, ""), 400);
        expectProblem(CartClient.anonymous().get("not-a-uuid"), 404);

        me.get(id)
                .statusCode(200)
                .body("lines", hasSize(1))
                .body("lines[0].sku", equalTo(sku))
                .body("lines[0].quantity", equalTo(2));
    }

    /**
     * A body sent without a declared length (chunked) is read whole before the endpoint runs (WholeBodies): it is held
     * to the service's body limit (64 KiB by default) all the same, an empty one is a 400 like an empty body of length 0,
     * and neither changes the cart.
     */
    @Test
    void aBodyWithoutALengthIsHeldToTheLimit() {
        String sku = catalog.publish(TestCatalog.newSku(), 700);
        ExtractableResponse<Response> anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        me.put(id, sku, 2).statusCode(200);

        byte[] small = "{\"quantity\":3}".getBytes(StandardCharsets.UTF_8);
        me.putStream(id, sku, new ByteArrayInputStream(small)).statusCode(200).body("lines[0].quantity", equalTo(3));
        byte[] large = ("{\"quantity\":" + " ".repeat(70 * 1024) + "4}").getBytes(StandardCharsets.UTF_8);
        me.putStream(id, sku, new ByteArrayInputStream(large)).statusCode(413);
        expectProblem(me.putStream(id, sku, new ByteArrayInputStream(new byte[0])), 400);

        me.get(id).statusCode(200).body("lines", hasSize(1)).body("lines[0].quantity", equalTo(3));
    }

    /**
     * Clients that speak HTTP/2 (here Java's, upgrading from HTTP/1.1 as a client does without TLS) create and fill carts
     * too: their bodies are read on the request thread, not by WholeBodies, which would leave Quarkus REST unable to
     * pause the request.
     */
    @Test
    void http2ClientsCreateAndFillCarts() throws Exception {
        String sku = catalog.publish(TestCatalog.newSku(), 700);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(base.resolve("api/carts"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(HttpClient.Version.HTTP_2, created.version());
        var cart = io.restassured.path.json.JsonPath.from(created.body());
        HttpResponse<String> added = client.send(
                HttpRequest.newBuilder(base.resolve("api/carts/" + cart.getString("id") + "/items/" + sku))
                        .header("X-Cart-Token", cart.getString("token"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":4}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, added.statusCode(), added.body());
        assertEquals(HttpClient.Version.HTTP_2, added.version());

        CartClient.withToken(cart.getString("token"))
                .get(cart.getString("id"))
                .statusCode(200)
                .body("lines[0].sku", equalTo(sku))
                .body("lines[0].quantity", equalTo(4));
    }

    @Test
    void lineCountIsBounded() {
        ExtractableResponse<Response> anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        for (int i = 0; i < 50; i++) {
            me.put(id, catalog.publish(TestCatalog.newSku(), 100), 1).statusCode(200);
        }
        expectProblem(me.put(id, catalog.publish(TestCatalog.newSku(), 100), 1), 422, "too-many-lines");
        me.get(id).statusCode(200).body("lines", hasSize(50));
    }

    @Test
    void openApiDocumentsTheClearEndpointForOrderService() {
        io.restassured.RestAssured.given()
                .port(managementPort)
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/carts/{id}/clear'.post.responses.'204'.description",
                        startsWith("The ordered lines are out of the cart"))
                .body("paths.'/api/carts/{id}/clear'.post.responses.'403'.description", startsWith("A service token"))
                .body("paths.'/api/carts/{id}/items'.delete", org.hamcrest.Matchers.nullValue())
                .body("paths.'/api/carts/{id}/merge'.post.summary", startsWith("Merge"));
    }

    /** A cart that does not exist, or is not the caller's: the same answer for both. */
    static void expectNotFound(io.restassured.response.ValidatableResponse response) {
        expectProblem(response, 404, "cart-not-found");
    }

    static void expectUnauthenticated(io.restassured.response.ValidatableResponse response) {
        expectProblem(response, 401, "unauthenticated");
        response.header("WWW-Authenticate", "Bearer");
    }

    /** A problem of the given status and {@code type} (its slug under https://storefront.dev/problems/). */
    static void expectProblem(io.restassured.response.ValidatableResponse response, int status, String type) {
        expectProblem(response, status);
        response.body("type", equalTo("https://storefront.dev/problems/" + type));
    }

    static void expectProblem(io.restassured.response.ValidatableResponse response, int status) {
        response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
    }
}
