package dev.storefront.order;

import static org.hamcrest.Matchers.contains;

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
 * A returning shopper in two sessions shares one cart: what the other session adds, or adds to, between this
 * session's checkout and the cart's clearing stays in the cart. Only what the order bought leaves it.
 */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class ClearOnlyWhatWasOrderedTest {
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
    void linesAddedOrRaisedAfterTheOrderStay() {
        String tea = catalog.publish(TestCatalog.newSku(), 100);
        String mug = catalog.publish(TestCatalog.newSku(), 200);
        String spoon = catalog.publish(TestCatalog.newSku(), 300);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(tea, "2", mug, "1");
        scheduler.pause(OutboxRelay.JOB);
        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId)).statusCode(201);

        // the other session, before the clear is delivered: one more tea, and a spoon
        shopper.cartWith(tea, "3", spoon, "1"); // the shopper's one cart: the same id

        scheduler.resume(OutboxRelay.JOB);
        Eventually.within(Duration.ofSeconds(20), "the ordered lines taken out", () -> shopper.cartLines(cartId) == 2);
        shopper.cartApi()
                .get("/api/carts/{id}", cartId)
                .then()
                .statusCode(200)
                .body("lines.sku", contains(tea, spoon))
                .body("lines.quantity", contains(1, 1));
    }
}
