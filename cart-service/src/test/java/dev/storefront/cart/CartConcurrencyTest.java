package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel changes to one cart: each is kept, or refused with 409; none is silently lost. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class CartConcurrencyTest {
    private static final int PARALLEL = 10;
    /** CART_MAX_LINES's default. */
    private static final int MAX_LINES = 50;

    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    @Test
    void parallelPutsOfDifferentSkusAreAllKept() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            skus.add(catalog.publish(TestCatalog.newSku(), 100 + i));
        }
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String sku : skus) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return me.put(id, sku, 3).extract().statusCode();
                }));
            }
            start.countDown();
            Set<String> accepted = new HashSet<>();
            for (int i = 0; i < PARALLEL; i++) {
                int status = statuses.get(i).get();
                assertTrue(status == 200 || status == 409, "status " + status);
                if (status == 200) {
                    accepted.add(skus.get(i));
                }
            }
            List<String> stored = me.get(id).statusCode(200).extract().path("lines.sku");
            assertEquals(accepted, new HashSet<>(stored), "every accepted change is in the cart, and only those");
            assertEquals(PARALLEL, accepted.size(), "the row lock serialises writers, so none needs refusing");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelNewSkusIntoANearlyFullCartNeverPassTheLineLimit() throws Exception {
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        for (int i = 0; i < MAX_LINES - 2; i++) {
            me.put(id, catalog.publish(TestCatalog.newSku(), 100), 1).statusCode(200);
        }
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            skus.add(catalog.publish(TestCatalog.newSku(), 200 + i));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String sku : skus) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return me.put(id, sku, 1).extract().statusCode();
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                assertTrue(code == 200 || code == 422, "status " + code);
                accepted += code == 200 ? 1 : 0;
            }
            assertEquals(2, accepted, "exactly the two free lines are taken");
            List<String> stored = me.get(id).statusCode(200).extract().path("lines.sku");
            assertEquals(MAX_LINES, stored.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelQuantityChangesOfOneSkuLeaveOneOfTheWrittenValues() throws Exception {
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int q = 1; q <= PARALLEL; q++) {
                int quantity = q;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return me.put(id, sku, quantity).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
            List<Integer> quantities = me.get(id).statusCode(200).extract().path("lines.quantity");
            assertEquals(1, quantities.size(), "one line per sku, never a duplicate");
            assertTrue(quantities.get(0) >= 1 && quantities.get(0) <= PARALLEL);
        } finally {
            pool.shutdownNow();
        }
    }
}
