package dev.storefront.cart;

import static io.restassured.RestAssured.given;

import dev.storefront.local.infra.TestServiceTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
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

    /** A PUT whose body has no declared length: the client sends it chunked. */
    ValidatableResponse putStream(String cartId, String sku, InputStream body) {
        return request()
                .body(body)
                .put("/api/carts/{id}/items/{sku}", cartId, sku)
                .then();
    }

    ValidatableResponse remove(String cartId, String sku) {
        return request().delete("/api/carts/{id}/items/{sku}", cartId, sku).then();
    }

    /**
     * Tries, with this client's credentials, to take what order {@code orderId} bought ({@code skuAndQuantity}: sku,
     * quantity, sku, quantity …) out of the cart.
     */
    ValidatableResponse clearAfterOrder(String cartId, String orderId, Object... skuAndQuantity) {
        return clearRaw(cartId, clearBody(orderId, skuAndQuantity));
    }

    ValidatableResponse clearRaw(String cartId, String body) {
        return request().body(body).post("/api/carts/{id}/clear", cartId).then();
    }

    /** Takes what order {@code orderId} bought out of the cart, as order-service's outbox does: with its token. */
    static ValidatableResponse orderServiceClears(String cartId, String orderId, Object... skuAndQuantity) {
        return withBearer(TestServiceTokens.cartClear(UUID.fromString(cartId), UUID.fromString(orderId)))
                .clearAfterOrder(cartId, orderId, skuAndQuantity);
    }

    static String clearBody(String orderId, Object... skuAndQuantity) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.append(i == 0 ? "" : ",")
                    .append("{\"sku\":\"")
                    .append(skuAndQuantity[i])
                    .append("\",\"quantity\":")
                    .append(skuAndQuantity[i + 1])
                    .append('}');
        }
        return "{\"order\":\"" + orderId + "\",\"lines\":[" + lines + "]}";
    }

    ValidatableResponse merge(String cartId) {
        return request().post("/api/carts/{id}/merge", cartId).then();
    }
}
