package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.text;
import static dev.storefront.catalog.ChangePublishTest.documentOf;
import static dev.storefront.catalog.ChangePublishTest.pageOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.TestServiceTokens;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * order-service's deliveries of a product selling out or coming back: who may send them, which are applied, and what
 * shoppers then see in the bucket.
 */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class AvailabilityApiTest {
    private static final String PROBLEMS = ProblemType.BASE;

    @Test
    void soldOutRepublishesTheProductWhereItIsShownAndBackOnSaleRestoresTheAdminsStatus() {
        Map<String, Object> product = lowStock(Products.valid("kitchen", "Test Selling Kettle"));
        String sku = (String) product.get("sku");
        BucketSnapshot before = BucketSnapshot.of();

        deliver(sku, true, 1).statusCode(204);

        Set<String> changed = BucketSnapshot.of().changedSince(before);
        assertTrue(changed.contains(pageOf(product)), changed.toString());
        assertTrue(changed.contains(documentOf(product)), changed.toString());
        assertEquals(
                1, changed.stream().filter(k -> k.startsWith("categories/")).count(), "one category page: " + changed);
        assertTrue(changed.contains("catalog/listings/kitchen/1.json"), changed.toString());
        assertTrue(
                changed.stream().anyMatch(k -> k.startsWith("search/v1/docs/")),
                "its search result says Sold out: " + changed);
        assertEquals(6, changed.size(), "the same few objects as an admin's stock change: " + changed);
        JsonPath document = JsonPath.from(text(documentOf(product)));
        assertTrue(document.getBoolean("soldOut"));
        assertEquals("OUT_OF_STOCK", document.getString("stockStatus"));
        JsonPath listing = JsonPath.from(text("catalog/listings/kitchen/1.json"));
        assertEquals("OUT_OF_STOCK", listing.getString("products.find { it.sku == '" + sku + "' }.stockStatus"));
        assertTrue(listing.getBoolean("products.find { it.sku == '" + sku + "' }.soldOut"));
        String page = text(pageOf(product));
        assertTrue(page.contains(">Sold out<"), "the page says so");
        assertTrue(page.contains("https://schema.org/OutOfStock"), "and so does its JSON-LD");
        assertTrue(page.contains("disabled>Add to cart"), "it cannot be added to a cart");
        Map<String, Object> view = adminView(sku);
        assertEquals("LOW_STOCK", view.get("stockStatus"), "the admin's own status is kept");
        assertEquals(true, view.get("soldOut"));

        deliver(sku, false, 2).statusCode(204);

        document = JsonPath.from(text(documentOf(product)));
        assertFalse(document.getBoolean("soldOut"));
        assertEquals("LOW_STOCK", document.getString("stockStatus"), "the admin's status again");
        page = text(pageOf(product));
        assertFalse(page.contains("Sold out"));
        assertTrue(page.contains("https://schema.org/LimitedAvailability"));
    }

    @Test
    void anInactiveProductSoldOutRewritesOnlyItsDocument() {
        Map<String, Object> product = Products.valid("kitchen", "Test Retired Kettle");
        product.put("active", false);
        Products.create(product);
        BucketSnapshot before = BucketSnapshot.of();

        deliver((String) product.get("sku"), true, 1).statusCode(204);

        assertEquals(
                Set.of(documentOf(product)),
                BucketSnapshot.of().changedSince(before),
                "its page says No longer available either way, and it is listed nowhere");
        JsonPath publish = ChangePublishTest.lastPublish();
        assertEquals(1, publish.getInt("written"));
        assertEquals(2, publish.getInt("unchanged"), "its page and image were compared, no category page or listing");
        JsonPath document = JsonPath.from(text(documentOf(product)));
        assertTrue(document.getBoolean("soldOut"));
        assertFalse(document.getBoolean("active"));
    }

    @Test
    void aStaleOrRepeatedDeliveryChangesNothing() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Stale Kettle"));
        String sku = (String) product.get("sku");
        deliver(sku, true, 5).statusCode(204);
        BucketSnapshot soldOut = BucketSnapshot.of();

        deliver(sku, true, 5).statusCode(204);
        deliver(sku, false, 5).statusCode(204);
        deliver(sku, false, 4).statusCode(204);
        deliver(sku, true, 6).statusCode(204); // newer, but still sold out: stored, nothing to publish
        deliver(sku, false, 6).statusCode(204);

        assertEquals(Set.of(), BucketSnapshot.of().changedSince(soldOut));
        assertTrue(JsonPath.from(text(documentOf(product))).getBoolean("soldOut"));
        assertEquals(true, adminView(sku).get("soldOut"));

        deliver(sku, false, 7).statusCode(204);
        assertFalse(JsonPath.from(text(documentOf(product))).getBoolean("soldOut"));
    }

    @Test
    void anAdminsUpdateKeepsTheSoldOutState() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Admin Kettle"));
        String sku = (String) product.get("sku");
        deliver(sku, true, 1).statusCode(204);

        Map<String, Object> replacement = Products.get(sku);
        replacement.put("price", 2999);
        replacement.put("stockStatus", "IN_STOCK");
        Products.update(replacement);

        JsonPath document = JsonPath.from(text(documentOf(product)));
        assertEquals(2999, document.getInt("price"));
        assertTrue(document.getBoolean("soldOut"));
        assertEquals("OUT_OF_STOCK", document.getString("stockStatus"));
        assertTrue(text(pageOf(product)).contains(">Sold out<"));
        assertEquals(true, adminView(sku).get("soldOut"));

        deliver(sku, true, 1).statusCode(204); // the admin's update did not reset the stock version either
        deliver(sku, false, 1).statusCode(204);
        assertTrue(JsonPath.from(text(documentOf(product))).getBoolean("soldOut"));
    }

    @Test
    void anUnknownSkuIs404ProblemJson() {
        deliver("TST-NO-SUCH-SKU", true, 1)
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "product-not-found"));
    }

    @Test
    void withoutAValidServiceTokenIs401AndNothingChanges() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Guarded Kettle"));
        String sku = (String) product.get("sku");
        for (String token : new String[] {
            null,
            "not-a-jwt",
            TestServiceTokens.availabilityForged(sku),
            TestServiceTokens.availabilityExpired(sku),
            TestServiceTokens.availabilityForCarts(sku),
            Products.ADMIN,
            TestTokens.customer(UUID.randomUUID())
        }) {
            deliver(token, body(sku, true, 1))
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "unauthenticated"));
        }
        assertFalse(JsonPath.from(text(documentOf(product))).getBoolean("soldOut"));
    }

    @Test
    void aServiceTokenForAnotherScopeCallerOrSkuIs403() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Scoped Kettle"));
        String sku = (String) product.get("sku");
        for (String token : List.of(
                TestServiceTokens.availabilityWithScope(TestServiceTokens.CART_CLEAR, sku),
                TestServiceTokens.availabilityWithScope("catalog:availability:all", sku),
                TestServiceTokens.availabilityFrom("cart-service", sku),
                TestServiceTokens.availability("TST-OTHER-SKU"))) {
            deliver(token, body(sku, true, 1))
                    .statusCode(403)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
        assertFalse(JsonPath.from(text(documentOf(product))).getBoolean("soldOut"));
    }

    @Test
    void theServiceTokenOpensNoAdminEndpoint() {
        given().auth()
                .oauth2(TestServiceTokens.availability("TST-ANY"))
                .when()
                .post("/api/catalog/publish")
                .then()
                .statusCode(401);
    }

    @Test
    void aBadBodyIs400ProblemJson() {
        String token = TestServiceTokens.availability("TST-BODY");
        for (Object body : List.of(
                Map.of("soldOut", true, "version", 1),
                Map.of("sku", "TST-BODY", "version", 1),
                Map.of("sku", "TST-BODY", "soldOut", true),
                Map.of("sku", "TST-BODY", "soldOut", true, "version", -1),
                Map.of("sku", "tst-body", "soldOut", true, "version", 1))) {
            deliver(token, body)
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "validation-failed"));
        }
        for (Object body : List.of(
                Map.of("sku", "TST-BODY", "soldOut", "yes", "version", 1),
                Map.of("sku", "TST-BODY", "soldOut", true, "version", 1.5),
                Map.of("sku", "TST-BODY", "soldOut", true, "version", 1, "left", 3))) {
            deliver(token, body)
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "malformed-request"));
        }
    }

    private static Map<String, Object> lowStock(Map<String, Object> product) {
        product.put("stockStatus", "LOW_STOCK");
        return Products.create(product);
    }

    private static Map<String, Object> body(String sku, boolean soldOut, long version) {
        return Map.of("sku", sku, "soldOut", soldOut, "version", version);
    }

    /** A delivery as order-service makes it: a service token for this sku. */
    static ValidatableResponse deliver(String sku, boolean soldOut, long version) {
        return deliver(TestServiceTokens.availability(sku), body(sku, soldOut, version));
    }

    private static ValidatableResponse deliver(String token, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/api/catalog/availability").then();
    }

    private static Map<String, Object> adminView(String sku) {
        return given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/products/" + sku)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }
}
