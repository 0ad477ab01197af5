package dev.storefront.order;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.order.domain.OutboxRelay;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What happens when cart-service is down at checkout, or between the order's commit and clearing the cart. */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class CartOutageTest {
    @InjectCartService
    ServiceProcess cart;

    @InjectCatalog
    TestCatalog catalog;

    @Inject
    Scheduler scheduler;

    @AfterEach
    void recover() {
        scheduler.resume(OutboxRelay.JOB);
        cart.start();
    }

    @Test
    void cartServiceDownAtCheckoutIs503AndStoresNothing() {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");
        String key = UUID.randomUUID().toString();
        cart.stop();

        shopper.checkout(key, Shopper.body(cartId))
                .statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", "5");
        assertEquals(0, shopper.storedOrders());

        // The key was not used up: once cart-service is back the same request succeeds.
        cart.start();
        Eventually.within(
                Duration.ofSeconds(20),
                "checkout succeeds after recovery",
                () -> shopper.orders()
                                .header("Idempotency-Key", key)
                                .body(Shopper.body(cartId))
                                .post("/api/orders")
                                .statusCode()
                        == 201);
        assertEquals(1, shopper.storedOrders());
    }

    @Test
    void crashBetweenCommitAndCartClearLosesNothing() {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 100), "2");
        scheduler.pause(OutboxRelay.JOB); // the order commits, nothing delivers: as if the instance died right after

        String orderId = shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(1, shopper.storedOrders());
        assertEquals(1, shopper.cartLines(cartId), "nothing cleared while the relay is down");
        assertEquals(1, pending(orderId));

        cart.stop();
        scheduler.resume(OutboxRelay.JOB);
        Eventually.within(Duration.ofSeconds(20), "a failed delivery attempt", () -> attempts(orderId) > 0);
        assertEquals(1, pending(orderId), "still pending while cart-service is down");

        cart.start();
        Eventually.within(Duration.ofSeconds(30), "cart cleared after recovery", () -> shopper.cartLines(cartId) == 0);
        Eventually.within(Duration.ofSeconds(5), "message delivered", () -> pending(orderId) == 0);
        shopper.orders().get("/api/orders/{id}", orderId).then().statusCode(200).body("status", equalTo("PLACED"));
        assertTrue(attempts(orderId) > 1);
    }

    private static long pending(String orderId) {
        return Shopper.count(
                "SELECT count(*) FROM orders.outbox WHERE state = 'PENDING' AND order_id = '" + orderId + "'");
    }

    private static long attempts(String orderId) {
        return Shopper.count("SELECT coalesce(sum(attempts), 0) FROM orders.outbox WHERE order_id = '" + orderId + "'");
    }
}
