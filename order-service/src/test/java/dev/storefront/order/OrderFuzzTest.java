package dev.storefront.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.fuzz.ApiFuzzer;
import dev.storefront.local.infra.fuzz.FuzzReport;
import dev.storefront.local.infra.fuzz.OpenApiDocument;
import dev.storefront.local.infra.fuzz.StoredState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind to every operation of the order API's OpenAPI document, with and without a valid token: no
 * answer is a 5xx, every refusal is problem+json, and a refused request stores nothing (deploy/local-infra
 * {@code ApiFuzzer}).
 */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class OrderFuzzTest {
    @InjectCartService
    ServiceProcess cart;

    @InjectCatalog
    TestCatalog catalog;

    @InjectManagementPort
    int managementPort;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        // An order that exists but is not the fuzzer's shopper's. The outbox must be at rest (every message delivered,
        // this order's and earlier tests'), or the relay would change what is stored while the fuzzer compares.
        Shopper owner = Shopper.signIn(cart);
        String ownersOrder = owner.placeOrder(catalog);
        Eventually.within(
                Duration.ofSeconds(60),
                "outbox delivered",
                () -> Shopper.count("SELECT count(*) FROM orders.outbox WHERE state = 'PENDING'") == 0);
        Shopper shopper = Shopper.signIn(cart);
        shopper.cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");

        FuzzReport report = ApiFuzzer.of("order-service")
                .api(URI.create("http://localhost:" + root.getPort()))
                .operations(OpenApiDocument.fromManagementPort(managementPort))
                .credential("customer", shopper.token())
                .foreign("id", List.of(ownersOrder))
                .state(() -> StoredState.snapshot(dataSource, "orders", Set.of()))
                .run();

        assertTrue(report.failures().isEmpty(), report.failureMessage());
        assertEquals(0, report.serverErrors());
    }
}
