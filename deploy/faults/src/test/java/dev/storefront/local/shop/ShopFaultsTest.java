package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.RepositoryRoot;
import dev.storefront.local.shop.ShopClient.Reply;
import dev.storefront.local.shop.ShopClient.Shopper;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The shop on its worst day, on the whole local stack as {@code ./shop} starts it (two order-service instances behind
 * the edge): an order-service instance killed mid-checkout and PostgreSQL restarted under load (each while a product
 * with little stock sells out), 200 shoppers racing for 5 units, catalog-publisher down, cart-service down. Shoppers check out through the edge the whole time; each scenario writes its counts (requests,
 * successes, failures by kind, orders lost and duplicated) to {@code target/fault-reports/}.
 *
 * <p>The scenarios share one stack and run in order; the last two leave services stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopFaultsTest {
    /** Concurrent shoppers in the load scenarios; each scenario signs up its own, so its counts stand alone. */
    private static final int SHOPPERS = 8;

    /** Shoppers racing for the last units in scenario 3, each from their own account. */
    private static final int RACERS = 200;

    /**
     * Stock of the product that scenarios 1 and 2 sell out while the fault happens: three rounds in four buy it, and
     * the fault comes after 10 orders, so 40 sell out after the kill (while one instance is left, or its replacement
     * starts), and 10 about when PostgreSQL restarts.
     */
    private static final int STOCK_AT_KILL = 40;

    private static final int STOCK_AT_RESTART = 10;

    private static LocalShop shop;
    private static ShopClient client;
    private static List<String> skus;
    private static String adminToken;

    @BeforeAll
    static void startShop() throws Exception {
        Map<ShopService, Integer> scale = new EnumMap<>(ShopService.class);
        for (ShopService service : ShopService.values()) {
            scale.put(service, service == ShopService.ORDER ? 2 : 1);
        }
        shop = LocalShop.start(
                new LocalShop.Layout(
                        RepositoryRoot.find(),
                        Files.createTempDirectory("storefront-faults-"),
                        FreePort.pick(),
                        FreePort.pick(),
                        FreePort.pick(),
                        false),
                scale,
                true);
        client = new ShopClient(shop.edgePort());
        skus = client.publishedSkus(Duration.ofSeconds(120));
        adminToken = signUpAdmin();
    }

    @AfterAll
    static void stopShop() {
        if (shop != null) {
            shop.close();
        }
    }

    /** An account made admin the way an operator does it: account-service's {@code grant-admin} command. */
    private static String signUpAdmin() throws Exception {
        String email = "admin-" + UUID.randomUUID() + "@example.test";
        String password = "Admin-" + UUID.randomUUID();
        client.signUpAs(email, password);
        assertEquals(0, shop.accountCommand("grant-admin", email), "grant-admin (its log: the shop's logs folder)");
        return client.signIn(email, password);
    }

    @Test
    @Order(1)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killingAnOrderServiceInstanceMidCheckoutLosesAndDuplicatesNothing() throws Exception {
        FaultReport report = new FaultReport("kill -9 of an order-service instance during checkouts");
        ServiceInstance victim = instance(ShopService.ORDER, 1);
        String limited = skus.get(1);
        long orderedBefore = orderedQuantity(limited);
        client.setStock(adminToken, limited, STOCK_AT_KILL);
        // Three rounds in four buy the product with little stock, so it sells out while the fault happens.
        List<String> bought = List.of(limited, limited, limited, skus.get(2));
        CheckoutLoad load = CheckoutLoad.start(client, signUp(SHOPPERS), bought, report);
        long acknowledgedAfterKill;
        try (load) {
            awaitCondition(Duration.ofSeconds(60), () -> load.acknowledgedCheckouts() >= 10);
            // Kill while checkouts are in flight, so that some die with the instance mid-request.
            awaitCondition(Duration.ofSeconds(30), () -> load.checkoutsInFlight() >= 2);
            report.fact("checkouts in flight at the kill", load.checkoutsInFlight());
            victim.kill();
            long atKill = load.acknowledgedCheckouts();
            Thread.sleep(5_000);
            acknowledgedAfterKill = load.acknowledgedCheckouts() - atKill;
            report.fact("checkouts acknowledged in the 5 s after the kill (one instance left)", acknowledgedAfterKill);
            // ECS starts a replacement task; here it comes back on the same port, where the edge finds it.
            ServiceInstance replacement = shop.replace(victim);
            report.fact(
                    "replacement start-to-ready (s)", replacement.startToReady().toMillis() / 1000.0);
            long beforeReplacement = load.acknowledgedCheckouts();
            awaitCondition(Duration.ofSeconds(60), () -> load.acknowledgedCheckouts() >= beforeReplacement + 10);
        }
        CheckoutLoad.Verdict verdict = settle(load, report);

        assertTrue(acknowledgedAfterKill > 0, "checkouts went on with one instance left\n" + report);
        assertNothingLostOrDuplicated(verdict, report);
        assertNothingOversold(limited, STOCK_AT_KILL, orderedBefore, report);
        // A cart clear delivered twice (the dead instance's, then a survivor's) must not empty a refilled cart.
        assertEquals(0, report.failures(CheckoutLoad.CHECKOUT, "422 empty-cart"), report.toString());
    }

    @Test
    @Order(2)
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void restartingPostgresUnderLoadLosesNothingAndNeedsNoServiceRestart() throws Exception {
        FaultReport report = new FaultReport("PostgreSQL restart during checkouts");
        List<ServiceInstance> instances = shop.instances();
        String limited = skus.get(3);
        long orderedBefore = orderedQuantity(limited);
        client.setStock(adminToken, limited, STOCK_AT_RESTART);
        List<String> bought = List.of(limited, limited, limited, skus.get(4));
        CheckoutLoad load = CheckoutLoad.start(client, signUp(SHOPPERS), bought, report);
        Readiness readiness = Readiness.watch(instances);
        try (load;
                readiness) {
            awaitCondition(Duration.ofSeconds(60), () -> load.acknowledgedCheckouts() >= 10);
            long started = System.nanoTime();
            shop.postgres().restart(Duration.ofSeconds(3));
            report.fact("PostgreSQL down (s)", (System.nanoTime() - started) / 1_000_000 / 1000.0);
            long atRestart = load.acknowledgedCheckouts();
            awaitCondition(Duration.ofSeconds(60), readiness::allReady);
            report.fact(
                    "every instance ready again, seconds after PostgreSQL was back",
                    (System.nanoTime() - started) / 1_000_000 / 1000.0 - 3);
            awaitCondition(Duration.ofSeconds(60), () -> load.acknowledgedCheckouts() >= atRestart + 10);
        }
        CheckoutLoad.Verdict verdict = settle(load, report);

        for (ServiceInstance instance : instances) {
            assertTrue(readiness.wentDown(instance), instance.name() + " never reported not-ready\n" + report);
            assertTrue(instance.isAlive(), instance.name() + " had to be restarted");
        }
        assertEquals(0, report.failuresWithStatus(500), "a 500 is a bug, even with the database down\n" + report);
        assertNothingLostOrDuplicated(verdict, report);
        assertNothingOversold(limited, STOCK_AT_RESTART, orderedBefore, report);
    }

    @Test
    @Order(3)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void twoHundredShoppersRaceForFiveUnitsAndTheStorefrontFollowsByItself() throws Exception {
        FaultReport report = new FaultReport("200 shoppers race for 5 units across two order-service instances");
        String sku = skus.get(5);
        client.setStock(adminToken, sku, 5);
        List<Shopper> racers = signUp(RACERS);
        for (Shopper racer : racers) {
            expect(report, CheckoutLoad.CART_ITEM, client.putItem(racer, sku, 1), 200);
        }
        Map<Shopper, Reply> answers = race(racers, report);
        List<Shopper> buyers = racers.stream()
                .filter(racer -> answers.get(racer).status() == 201)
                .toList();
        long refused = answers.values().stream()
                .filter(answer -> answer.kind().equals(CheckoutLoad.OUT_OF_STOCK))
                .count();
        report.fact("orders placed", buyers.size());
        report.fact("checkouts refused for want of stock", refused);
        report.write();

        assertEquals(5, buyers.size(), report.toString());
        assertEquals(RACERS - 5, refused, report.toString());
        assertEquals(0, client.stock(adminToken, sku));
        assertEquals(5, orderedQuantity(sku), "units ordered");
        // Nobody republishes by hand: order-service tells catalog-publisher, which republishes the product.
        awaitCondition(
                Duration.ofSeconds(60), () -> published(sku).path("soldOut").asBoolean());
        assertEquals("OUT_OF_STOCK", published(sku).path("stockStatus").asText());
        assertTrue(productPage(sku).contains("Sold out"), "the product page says it is sold out");

        Shopper canceller = buyers.get(0);
        String orderId = answers.get(canceller).field("id");
        expect(
                report,
                "POST /api/orders/{id}/cancel",
                client.send("POST", "/api/orders/" + orderId + "/cancel", canceller.token(), null),
                200);
        assertEquals(1, client.stock(adminToken, sku), "the cancelled unit is back");
        awaitCondition(
                Duration.ofSeconds(60), () -> !published(sku).path("soldOut").asBoolean(true));
        assertEquals("IN_STOCK", published(sku).path("stockStatus").asText());
        assertFalse(productPage(sku).contains("Sold out"), "the product page says it is in stock again");
    }

    /** Every racer checks out at once; each retries its own key after a 5xx or a broken connection, as careful clients do. */
    private static Map<Shopper, Reply> race(List<Shopper> racers, FaultReport report) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers.size());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Map<Shopper, Future<Reply>> pending = new java.util.LinkedHashMap<>();
        try {
            for (Shopper racer : racers) {
                String key = UUID.randomUUID().toString();
                java.util.concurrent.Callable<Reply> checkout = () -> {
                    go.await();
                    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    while (true) {
                        try {
                            Reply reply = client.checkout(racer, key);
                            if (reply.status() < 500 || System.nanoTime() > deadline) {
                                return reply;
                            }
                            report.failure(CheckoutLoad.CHECKOUT, reply.kind());
                        } catch (IOException e) {
                            report.failure(CheckoutLoad.CHECKOUT, "connection error");
                            if (System.nanoTime() > deadline) {
                                throw e;
                            }
                        }
                        Thread.sleep(200);
                    }
                };
                pending.put(racer, pool.submit(checkout));
            }
            go.countDown();
            Map<Shopper, Reply> answers = new java.util.LinkedHashMap<>();
            for (Map.Entry<Shopper, Future<Reply>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The product's JSON document as the storefront reads it from the bucket, through the edge. */
    private static com.fasterxml.jackson.databind.JsonNode published(String sku) {
        try {
            return client.get("/catalog/products/" + sku + ".json", null).json();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String productPage(String sku) throws IOException {
        return client.get("/products/" + published(sku).path("slug").asText() + ".html", null)
                .text();
    }

    @Test
    @Order(4)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void withCatalogPublisherDownCartsAndCheckoutStillWork() throws Exception {
        FaultReport report = new FaultReport("catalog-publisher down");
        Shopper shopper = signUp(1).get(0);
        instance(ShopService.CATALOG, 1).stop(Duration.ofSeconds(15));
        String sku = skus.get(0);

        expect(report, "GET /index.html", client.get("/index.html", null), 200);
        expect(report, CheckoutLoad.CART_ITEM, client.putItem(shopper, sku, 2), 200);
        Reply order = expect(report, CheckoutLoad.CHECKOUT, checkout(shopper), 201);
        Reply history = expect(report, "GET /api/orders", client.get("/api/orders", shopper.token()), 200);
        expect(report, "POST /api/catalog/publish", client.send("POST", "/api/catalog/publish", null, null), 503);
        report.write();

        assertEquals(sku, order.json().path("lines").path(0).path("sku").asText(), order.text());
        assertEquals(
                order.field("id"),
                history.json().path("items").path(0).path("id").asText(),
                history.text());
    }

    @Test
    @Order(5)
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void withCartServiceDownBrowsingAndHistoryWorkAndCheckoutFailsCleanly() throws Exception {
        FaultReport report = new FaultReport("cart-service down");
        Shopper shopper = signUp(1).get(0);
        expect(report, CheckoutLoad.CART_ITEM, client.putItem(shopper, skus.get(0), 1), 200);
        expect(report, CheckoutLoad.CHECKOUT, checkout(shopper), 201);
        instance(ShopService.CART, 1).stop(Duration.ofSeconds(15));
        long ordersBefore = storedOrders(shopper);

        expect(report, "GET /index.html", client.get("/index.html", null), 200);
        expect(report, "GET /catalog/index.json", client.get("/catalog/index.json", null), 200);
        Reply history = expect(report, "GET /api/orders", client.get("/api/orders", shopper.token()), 200);
        expect(report, "GET /api/accounts/me", client.get("/api/accounts/me", shopper.token()), 200);
        Reply cart = expect(
                report, CheckoutLoad.CART_READ, client.get("/api/carts/" + shopper.cartId(), shopper.token()), 503);
        Reply refused = expect(report, CheckoutLoad.CHECKOUT, checkout(shopper), 503);
        report.fact("orders stored by the refused checkout", storedOrders(shopper) - ordersBefore);
        report.write();

        assertFalse(history.json().path("items").isEmpty(), "the shopper's earlier orders are listed");
        for (Reply unavailable : List.of(cart, refused)) {
            assertTrue(
                    unavailable.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    unavailable.text());
        }
        assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "checkout says when to retry");
        assertEquals(ordersBefore, storedOrders(shopper), "a refused checkout stores nothing");
    }

    /**
     * The stock of {@code sku}, set to {@code stock} before the load, against the orders that bought it since: what is
     * left plus what was ordered is what there was (no oversell, no reservation lost, no order without its
     * reservation), and it sold out.
     */
    private static void assertNothingOversold(String sku, int stock, long orderedBefore, FaultReport report)
            throws Exception {
        long ordered = orderedQuantity(sku) - orderedBefore;
        int left = client.stock(adminToken, sku);
        report.fact("units of the limited product ordered (stock " + stock + ")", ordered);
        report.fact("units of it left", left);
        report.fact(
                "checkouts refused for want of stock",
                report.failures(CheckoutLoad.CHECKOUT, CheckoutLoad.OUT_OF_STOCK));
        report.write();
        assertEquals(stock, ordered + left, "ordered + left = stock\n" + report);
        assertEquals(0, left, "the limited product sold out during the fault\n" + report);
    }

    /** Units of {@code sku} in orders that are not cancelled. */
    private static long orderedQuantity(String sku) throws Exception {
        return count("SELECT coalesce(sum(l.quantity), 0) FROM orders.order_line l JOIN orders.customer_order o"
                + " ON o.id = l.order_id WHERE l.sku = '" + sku + "' AND o.status <> 'CANCELLED'");
    }

    /** After the load: waits for the outbox to deliver every cart clear, then counts orders against the clients. */
    private static CheckoutLoad.Verdict settle(CheckoutLoad load, FaultReport report) throws Exception {
        awaitCondition(Duration.ofSeconds(60), () -> pendingCartClears() == 0);
        CheckoutLoad.Verdict verdict = load.verify(shop.postgres());
        report.write();
        return verdict;
    }

    private static void assertNothingLostOrDuplicated(CheckoutLoad.Verdict verdict, FaultReport report) {
        assertTrue(verdict.acknowledged() > 0, report.toString());
        assertEquals(0, verdict.lost(), "orders lost\n" + report);
        assertEquals(0, verdict.duplicated(), "orders duplicated\n" + report);
        assertEquals(0, verdict.gaveUp(), "requests that never got an answer\n" + report);
    }

    private static Reply checkout(Shopper shopper) throws IOException {
        return client.checkout(shopper, UUID.randomUUID().toString());
    }

    /** Records {@code reply} in the report (an error status as a failure, even when expected) and checks it. */
    private static Reply expect(FaultReport report, String call, Reply reply, int status) {
        if (reply.status() < 400) {
            report.success(call);
        } else {
            report.failure(call, reply.kind());
        }
        assertEquals(status, reply.status(), call + ": " + reply.text());
        return reply;
    }

    private static long storedOrders(Shopper shopper) throws Exception {
        return count("SELECT count(*) FROM orders.customer_order WHERE customer_id = '" + shopper.customerId() + "'");
    }

    private static long pendingCartClears() {
        try {
            return count("SELECT count(*) FROM orders.outbox WHERE state = 'PENDING'");
        } catch (Exception e) {
            return -1;
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection db = shop.postgres().superuserConnection();
                ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static ServiceInstance instance(ShopService service, int number) {
        return shop.instances().stream()
                .filter(i -> i.service() == service && i.number() == number)
                .findFirst()
                .orElseThrow();
    }

    private static List<Shopper> signUp(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Shopper>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(client::signUp));
            }
            List<Shopper> result = new ArrayList<>();
            for (Future<Shopper> f : futures) {
                result.add(f.get(60, TimeUnit.SECONDS));
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitCondition(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
    }
}
