package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Only admins may change the catalog, and invalid input changes nothing, neither the database nor the bucket. */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class AdminApiTest {
    private static final String PROBLEMS = ProblemType.BASE;

    @Test
    void withoutAValidTokenIs401ProblemJson() {
        for (String token :
                new String[] {null, TestTokens.forged(UUID.randomUUID()), TestTokens.expired(UUID.randomUUID())}) {
            var request = given();
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            request.when()
                    .get("/api/catalog/products")
                    .then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", "Bearer")
                    .body("type", equalTo(PROBLEMS + "unauthenticated"))
                    .body("status", equalTo(401));
        }
        given().when().post("/api/catalog/publish").then().statusCode(401);
    }

    @Test
    void customerIs403ProblemJson() {
        String customer = TestTokens.customer(UUID.randomUUID());
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(Products.valid("shoes", "Forbidden Shoe"))
                .when()
                .post("/api/catalog/products")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "forbidden"))
                .body("status", equalTo(403));
        given().auth()
                .oauth2(customer)
                .when()
                .post("/api/catalog/publish")
                .then()
                .statusCode(403);
    }

    @Test
    void adminListsAndReadsProducts() {
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/products?size=500")
                .then()
                .statusCode(200)
                .body("size()", greaterThanOrEqualTo(200));
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/products/SHO-00001")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("sku", equalTo("SHO-00001"))
                .body("category", equalTo("shoes"));
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/products/{sku}", "SHO-00001\u0000")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
    }

    @Test
    void invalidProductsAreRejectedAndChangeNothing() {
        rejected(b -> b.remove("name"), 400).body("errors.field", hasItem("name"));
        rejected(b -> b.put("price", -1), 400).body("errors.field", hasItem("price"));
        rejected(b -> b.remove("price"), 400).body("errors.field", hasItem("price"));
        rejected(b -> b.put("slug", "Not A Slug!"), 400).body("errors.field", hasItem("slug"));
        rejected(b -> b.put("currency", "XXQ"), 400);
        rejected(b -> b.put("colour", "red"), 400).body("detail", equalTo("Unknown field 'colour'"));
        rejected(b -> b.put("stockStatus", "MAYBE"), 400);
        rejected(b -> b.put("name", "Shoe\u0000"), 400)
                .body("type", equalTo(PROBLEMS + "malformed-request"))
                .body("detail", startsWith("Field 'name' contains a character that is not allowed"));
        rejected(b -> b.put("attributes", Map.of("size\u0000", "42")), 400)
                .body("type", equalTo(PROBLEMS + "malformed-request"));
        rejected(b -> b.put("category", "no-such-category"), 400)
                .body("type", equalTo(PROBLEMS + "unknown-category"))
                .body("detail", equalTo("Category 'no-such-category' does not exist"));
        rejected(b -> b.put("sku", "SHO-00001"), 409).body("type", equalTo(PROBLEMS + "sku-taken"));
        String takenSlug = given().auth()
                .oauth2(Products.ADMIN)
                .get("/api/catalog/products/SHO-00001")
                .then()
                .statusCode(200)
                .extract()
                .path("slug");
        rejected(b -> b.put("slug", takenSlug), 409).body("type", equalTo(PROBLEMS + "product-slug-taken"));
    }

    @Test
    void malformedJsonIs400AndChangesNothing() {
        BucketSnapshot before = BucketSnapshot.of();
        given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body("{\"sku\": \"TST-BROKEN\", ")
                .when()
                .post("/api/catalog/products")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        assertEquals(before, BucketSnapshot.of());
    }

    @Test
    void updatingAMissingProductIs404() {
        Map<String, Object> body = Products.valid("shoes", "Ghost");
        given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/catalog/products/" + body.get("sku"))
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "product-not-found"))
                .body("instance", equalTo("/api/catalog/products/" + body.get("sku")));
    }

    @Test
    void replacingAProductUnderAnotherSkuIs400() {
        given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body(Products.valid("shoes", "Impostor"))
                .when()
                .put("/api/catalog/products/SHO-00001")
                .then()
                .statusCode(400)
                .body("type", equalTo(PROBLEMS + "identifier-mismatch"))
                .body("detail", equalTo("The sku in the body must match the sku in the path"));
        given().auth()
                .oauth2(Products.ADMIN)
                .get("/api/catalog/products/SHO-00001")
                .then()
                .statusCode(200)
                .body("name", not(equalTo("Impostor")));
    }

    @Test
    void categoriesAreManagedAndPublished() {
        Map<String, Object> category = Map.of("slug", "test-lamps", "name", "Test lamps", "position", 99);
        given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body(category)
                .when()
                .post("/api/catalog/categories")
                .then()
                .statusCode(201);
        assertTrue(exists("categories/test-lamps/index.html"));
        assertTrue(text("index.html").contains("href=\"/categories/test-lamps/index.html\""));

        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .delete("/api/catalog/categories/shoes")
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "category-in-use"));
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .delete("/api/catalog/categories/test-lamps")
                .then()
                .statusCode(204);
        assertFalse(exists("categories/test-lamps/index.html"));
        assertFalse(text("index.html").contains("test-lamps"));
        given().auth()
                .oauth2(Products.ADMIN)
                .get("/api/catalog/categories/test-lamps")
                .then()
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "category-not-found"));
        given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "shoes", "name", "Shoes again"))
                .when()
                .post("/api/catalog/categories")
                .then()
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "category-slug-taken"));
    }

    private ValidatableResponse rejected(Consumer<Map<String, Object>> breakIt, int status) {
        Map<String, Object> body = Products.valid("shoes", "Rejected Shoe");
        breakIt.accept(body);
        BucketSnapshot before = BucketSnapshot.of();
        ValidatableResponse response = given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/catalog/products")
                .then()
                .statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status));
        assertEquals(before, BucketSnapshot.of(), "the bucket is unchanged");
        if (!"SHO-00001".equals(body.get("sku"))) {
            given().auth()
                    .oauth2(Products.ADMIN)
                    .when()
                    .get("/api/catalog/products/" + body.get("sku"))
                    .then()
                    .statusCode(404);
        }
        return response;
    }
}
