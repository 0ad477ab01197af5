package dev.storefront.order;

import static io.restassured.RestAssured.given;

import dev.storefront.local.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A signed-in customer with a real token, talking to the real cart-service and to order-service. */
record Shopper(UUID id, String token, String cartServiceUrl) {
    static final String ADDRESS = """
            {"name":"Ada Lovelace","line1":"1 Analytical St","city":"London","postalCode":"N1 9GU","country":"GB"}""";

    static Shopper signIn(ServiceProcess cart) {
        UUID id = UUID.randomUUID();
        return new Shopper(id, TestTokens.customer(id), cart.url());
    }

    /** A new account in the real account-service, signed in there with its password. */
    static Shopper signUp(ServiceProcess account, ServiceProcess cart) {
        String email = "shopper-" + UUID.randomUUID() + "@example.test";
        String password = "Ledger-" + UUID.randomUUID();
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        String id = given().baseUri(account.url())
                .contentType(ContentType.JSON)
                .body(credentials.replace("}", ",\"name\":\"Ada\"}"))
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String token = given().baseUri(account.url())
                .contentType(ContentType.JSON)
                .body(credentials)
                .post("/api/accounts/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
        return new Shopper(UUID.fromString(id), token, cart.url());
    }

    /** Saves {@code address} (JSON) in the shopper's address book in account-service; returns its id. */
    String saveAddress(ServiceProcess account, String address) {
        return given().baseUri(account.url())
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(address)
                .post("/api/accounts/me/addresses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    RequestSpecification cartApi() {
        return given().baseUri(cartServiceUrl).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** The shopper's cart in cart-service, holding {@code quantity} of each sku. */
    String cartWith(String... skuAndQuantity) {
        String cartId = cartApi().post("/api/carts").then().extract().path("id");
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            cartApi()
                    .body("{\"quantity\":" + skuAndQuantity[i + 1] + "}")
                    .put("/api/carts/{id}/items/{sku}", cartId, skuAndQuantity[i])
                    .then()
                    .statusCode(200);
        }
        return cartId;
    }

    int cartLines(String cartId) {
        return cartApi()
                .get("/api/carts/{id}", cartId)
                .then()
                .statusCode(200)
                .extract()
                .path("lines.size()");
    }

    RequestSpecification orders() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    ValidatableResponse checkout(String key, String body) {
        RequestSpecification spec = orders().body(body);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/api/orders").then();
    }

    static String body(String cartId) {
        return "{\"cartId\":\"" + cartId + "\",\"shippingAddress\":" + ADDRESS + "}";
    }

    static String bodyWithSavedAddress(String cartId, String addressId) {
        return "{\"cartId\":\"" + cartId + "\",\"addressId\":\"" + addressId + "\"}";
    }

    /** Places an order for one of a newly published product; returns the order's id. */
    String placeOrder(TestCatalog catalog) {
        String cartId = cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");
        return checkout(UUID.randomUUID().toString(), body(cartId))
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Orders stored for this shopper, counted with the superuser. */
    long storedOrders() {
        return count("SELECT count(*) FROM orders.customer_order WHERE customer_id = '" + id + "'");
    }

    static long count(String sql) {
        String url = System.getProperty(CheckoutStackResource.SUPERUSER_URL);
        try (Connection c = DriverManager.getConnection(url);
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
