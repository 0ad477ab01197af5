package dev.storefront.catalog;

import static io.restassured.RestAssured.given;

import dev.storefront.local.infra.TestTokens;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Admin API helpers for tests: valid product bodies and authenticated calls. */
final class Products {
    static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    private Products() {}

    /** A valid body for a new product with a unique sku and slug. */
    static Map<String, Object> valid(String category, String name) {
        String id = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", "TST-" + id);
        body.put("slug", "test-" + id.toLowerCase());
        body.put("name", name);
        body.put("description", "A product made by a test.");
        body.put("price", 1999);
        body.put("currency", "EUR");
        body.put("category", category);
        body.put("attributes", Map.of("Colour", "blue"));
        body.put("active", true);
        body.put("stockStatus", "IN_STOCK");
        return body;
    }

    static Map<String, Object> create(Map<String, Object> body) {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/catalog/products")
                .then()
                .statusCode(201);
        return body;
    }

    static void update(Map<String, Object> body) {
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/catalog/products/" + body.get("sku"))
                .then()
                .statusCode(200);
    }

    /** Deletes the product {@code sku} through the admin API. */
    static void delete(String sku) {
        given().auth()
                .oauth2(ADMIN)
                .when()
                .delete("/api/catalog/products/" + sku)
                .then()
                .statusCode(204);
    }

    /** A product as the API answers it, cut to the fields a replacement takes. */
    static Map<String, Object> get(String sku) {
        Map<String, Object> view = given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/catalog/products/" + sku)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        Map<String, Object> body = new LinkedHashMap<>(view);
        body.remove("image");
        body.remove("updatedAt");
        body.remove("soldOut"); // order-service's to say, not the admin's
        return body;
    }
}
