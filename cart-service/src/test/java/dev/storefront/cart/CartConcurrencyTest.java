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
import java.util.function.Function;
import java.util.stream.IntStream;
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
        List<String> skus = publishSkus();
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));

        List<Integer> statuses =
                allAtOnce(skus, sku -> me.put(id, sku, 3).extract().statusCode());
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < PARALLEL; i++) {
            assertTrue(statuses.get(i) == 200 || statuses.get(i) == 409, "status " + statuses.get(i));
            if (statuses.get(i) == 200) {
                accepted.add(skus.get(i));
            }
        }
        List<String> stored = me.get(id).statusCode(200).extract().path("lines.sku");
        assertEquals(accepted, new HashSet<>(stored), "every accepted change is in the cart, and only those");
        assertEquals(PARALLEL, accepted.size(), "the row lock serialises writers, so none needs refusing");
    }

    @Test
    void parallelNewSkusIntoANearlyFullCartNeverPassTheLineLimit() throws Exception {
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        for (int i = 0; i < MAX_LINES - 2; i++) {
            me.put(id, catalog.publish(TestCatalog.newSku(), 100), 1).statusCode(200);
        }

        List<Integer> statuses =
                allAtOnce(publishSkus(), sku -> me.put(id, sku, 1).extract().statusCode());
        statuses.forEach(status -> assertTrue(status == 200 || status == 422, "status " + status));
        assertEquals(2, statuses.stream().filter(status -> status == 200).count(), "exactly the two free lines");
        List<String> stored = me.get(id).statusCode(200).extract().path("lines.sku");
        assertEquals(MAX_LINES, stored.size());
    }

    @Test
    void parallelQuantityChangesOfOneSkuLeaveOneOfTheWrittenValues() throws Exception {
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));

        List<Integer> quantities = IntStream.rangeClosed(1, PARALLEL).boxed().toList();
        allAtOnce(quantities, quantity -> me.put(id, sku, quantity).extract().statusCode())
                .forEach(status -> assertEquals(200, status));
        List<Integer> stored = me.get(id).statusCode(200).extract().path("lines.quantity");
        assertEquals(1, stored.size(), "one line per sku, never a duplicate");
        assertTrue(stored.get(0) >= 1 && stored.get(0) <= PARALLEL);
    }

    private List<String> publishSkus() {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            skus.add(catalog.publish(TestCatalog.newSku(), 100 + i));
        }
        return skus;
    }

    /** Runs {@code request} for every input on its own thread, all released at once; the answers in input order. */
    private static <T> List<Integer> allAtOnce(List<T> inputs, Function<T, Integer> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (T input : inputs) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(input);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
