package dev.storefront.cart;

import static io.restassured.RestAssured.given;

import dev.storefront.local.infra.TestServiceTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Small REST helpers for the cart API: who calls (cart token and/or bearer) and what. */
record CartClient(String cartToken, String bearer) {
    static CartClient anonymous() {
        return new CartClient(null, null);
    }

    static CartClient withToken(String token) {
        return new CartClient(token, null);
    }

    static CartClient withBearer(String bearer) {
        return new CartClient(null, bearer);
    }

    CartClient andBearer(String bearer) {
        return new CartClient(cartToken, bearer);
    }

    RequestSpecification request() {
        RequestSpecification spec = given().contentType(ContentType.JSON);
        if (cartToken != null) {
            spec = spec.header("X-Cart-Token", cartToken);
        }
        if (bearer != null) {
            spec = spec.header("Authorization", "Bearer " + bearer);
        }
        return spec;
    }

    ValidatableResponse create() {
        return request().post("/api/carts").then();
    }

    ValidatableResponse get(String cartId) {
        return request().get("/api/carts/{id}", cartId).then();
    }

    ValidatableResponse put(String cartId, String sku, int quantity) {
        return putRaw(cartId, sku, "{\"quantity\":" + quantity + "}");
    }

    ValidatableResponse putRaw(String cartId, String sku, String body) {
        return request()
                .body(body)
                .put("/api/carts/{id}/items/{sku}", cartId, sku)
                .then();
    }

    ValidatableResponse remove(String cartId, String sku) {
        return request().delete("/api/carts/{id}/items/{sku}", cartId, sku).then();
    }

    /** Tries to empty the cart without naming an order. */
    ValidatableResponse clear(String cartId) {
        return request().delete("/api/carts/{id}/items", cartId).then();
    }

    /** Tries to empty the cart after order {@code orderId} with this client's credentials. */
    ValidatableResponse clearAfterOrder(String cartId, String orderId) {
        return request()
                .queryParam("order", orderId)
                .delete("/api/carts/{id}/items", cartId)
                .then();
    }

    /** Empties the cart after order {@code orderId}'s checkout, as order-service's outbox does: with its token. */
    static ValidatableResponse orderServiceClears(String cartId, String orderId) {
        return withBearer(TestServiceTokens.cartClear(UUID.fromString(cartId), UUID.fromString(orderId)))
                .clearAfterOrder(cartId, orderId);
    }

    ValidatableResponse merge(String cartId) {
        return request().post("/api/carts/{id}/merge", cartId).then();
    }
}
