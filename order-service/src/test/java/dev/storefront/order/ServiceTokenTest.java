package dev.storefront.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.order.domain.OutboxRelay;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * order-service clears carts as itself: no shopper token is stored with the order, the relay signs a service token of
 * its own for each delivery, and cart-service no longer lets a shopper token clear a cart.
 */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class ServiceTokenTest {
    @InjectCartService
    ServiceProcess cart;

    @InjectCatalog
    TestCatalog catalog;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void relayRuns() {
        scheduler.resume(OutboxRelay.JOB);
    }

    @Test
    void noShopperTokenIsStoredAndTheRelayClearsTheCartWithItsOwnToken() {
        Shopper shopper = Shopper.signIn(cart);
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        String cartId = shopper.cartWith(sku, "2");
        scheduler.pause(OutboxRelay.JOB);

        String orderId = shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(201)
                .extract()
                .path("id");

        assertEquals(1, count("outbox", "state = 'PENDING' AND order_id = '" + orderId + "'"));
        // The token's signature is its unforgeable part: it must not be in any row of order-service's schema.
        String signature = shopper.token().substring(shopper.token().lastIndexOf('.') + 1);
        for (String table : new String[] {"outbox", "customer_order", "order_line", "idempotency_key"}) {
            assertEquals(0, count(table, "row_to_json(t)::text LIKE '%" + signature + "%'"), table + " holds a token");
        }
        assertEquals(
                0,
                Shopper.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'orders'"
                        + " AND (column_name LIKE '%token%' OR column_name LIKE '%bearer%')"),
                "a column for tokens in the orders schema");

        // The shopper's own token may no longer clear the cart: only order-service's service token may.
        shopper.cartApi()
                .body("{\"order\":\"" + orderId + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}")
                .post("/api/carts/{id}/clear", cartId)
                .then()
                .statusCode(401);
        assertEquals(1, shopper.cartLines(cartId), "the shopper's token cleared the cart");

        scheduler.resume(OutboxRelay.JOB);
        Eventually.within(Duration.ofSeconds(20), "cart cleared", () -> shopper.cartLines(cartId) == 0);
        Eventually.within(
                Duration.ofSeconds(5),
                "message delivered",
                () -> count("outbox", "state = 'DELIVERED' AND order_id = '" + orderId + "'") == 1);
    }

    @Test
    void publishesThePublicKeysOfItsServiceTokensOnly() {
        given().get("/api/orders/jwks.json")
                .then()
                .statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].kid", equalTo("test-service-key-1"))
                .body(not(containsString("\"d\"")))
                .body(not(containsString("\"p\"")));
    }

    private static long count(String table, String where) {
        return Shopper.count("SELECT count(*) FROM orders." + table + " t WHERE " + where);
    }
}
