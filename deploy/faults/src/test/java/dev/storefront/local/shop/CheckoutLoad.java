package dev.storefront.local.shop;

import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.shop.ShopClient.Reply;
import dev.storefront.local.shop.ShopClient.Shopper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shoppers checking out again and again while a fault happens. Each round a shopper puts an item in their cart, checks
 * out with a fresh {@code Idempotency-Key}, and retries that same key after every failure that may pass (a broken
 * connection, a 5xx) as a careful client does, until the shop gives a definite answer. Then it waits for the outbox to
 * clear the cart before the next round. A checkout refused because a product ran out ({@code 409 out-of-stock}) ends
 * the round as it would for a person: the lines that cannot be bought are taken out of the cart. Afterwards {@link #verify} compares what the clients were told with what the
 * database holds.
 */
final class CheckoutLoad implements AutoCloseable {
    static final String CART_ITEM = "PUT /api/carts/{id}/items/{sku}";
    static final String CHECKOUT = "POST /api/orders";
    static final String CART_READ = "GET /api/carts/{id}";
    static final String CART_REMOVE = "DELETE /api/carts/{id}/items/{sku}";
    /** What a checkout refused for want of stock counts as in the report. */
    static final String OUT_OF_STOCK = "409 out-of-stock";
    /** How long one client keeps retrying one request before it gives up (and the test fails). */
    private static final Duration RETRY_BUDGET = Duration.ofSeconds(90);

    private static final Duration CLEAR_WAIT = Duration.ofSeconds(30);

    private final ShopClient client;
    private final List<Shopper> shoppers;
    private final List<String> skus;
    private final FaultReport report;
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger checkoutsInFlight = new AtomicInteger();
    private final AtomicLong gaveUp = new AtomicLong();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    private CheckoutLoad(ShopClient client, List<Shopper> shoppers, List<String> skus, FaultReport report) {
        this.client = client;
        this.shoppers = shoppers;
        this.skus = skus;
        this.report = report;
        this.threads = Executors.newFixedThreadPool(shoppers.size());
    }

    /** Starts one client thread per shopper; they run until {@link #close}. */
    static CheckoutLoad start(ShopClient client, List<Shopper> shoppers, List<String> skus, FaultReport report) {
        CheckoutLoad load = new CheckoutLoad(client, shoppers, skus, report);
        for (Shopper shopper : shoppers) {
            load.running.add(load.threads.submit(() -> load.shop(shopper)));
        }
        return load;
    }

    private void shop(Shopper shopper) {
        while (!stopping) {
            round(shopper);
        }
    }

    private void round(Shopper shopper) {
        String sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
        if (!answered(until(CART_ITEM, () -> client.putItem(shopper, sku, 1), 200), 200)) {
            return; // e.g. the product is shown sold out now
        }
        String key = UUID.randomUUID().toString();
        checkoutsInFlight.incrementAndGet();
        Reply order;
        try {
            order = until(CHECKOUT, () -> client.checkout(shopper, key), 201, 200);
        } finally {
            checkoutsInFlight.decrementAndGet();
        }
        if (answered(order, 201, 200)) {
            acknowledged
                    .computeIfAbsent(shopper.customerId(), c -> new CopyOnWriteArrayList<>())
                    .add(order.field("id"));
            awaitCartCleared(shopper);
        } else if (order != null && order.kind().equals(OUT_OF_STOCK)) {
            for (var shortage : order.json().path("shortages")) {
                String gone = shortage.path("sku").asText();
                until(CART_REMOVE, () -> client.send("DELETE", itemPath(shopper, gone), shopper.token(), null), 200);
            }
        }
    }

    private static String itemPath(Shopper shopper, String sku) {
        return "/api/carts/" + shopper.cartId() + "/items/" + sku;
    }

    private static boolean answered(Reply reply, int... statuses) {
        return reply != null && java.util.Arrays.stream(statuses).anyMatch(s -> s == reply.status());
    }

    /** The outbox empties the cart a moment after checkout; the next round starts from an empty cart. */
    private void awaitCartCleared(Shopper shopper) {
        long deadline = System.nanoTime() + CLEAR_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Reply cart = until(CART_READ, () -> client.get("/api/carts/" + shopper.cartId(), shopper.token()), 200);
            if (!answered(cart, 200) || cart.json().path("lines").isEmpty()) {
                return;
            }
            pause(200);
        }
        report.failure("cart cleared after checkout", "not within " + CLEAR_WAIT.toSeconds() + " s");
    }

    /**
     * Sends {@code call} until it answers one of {@code expected} or a 4xx other than those (recorded as a failure),
     * and returns that answer; connection errors and 5xx are recorded and retried with a short back-off, and
     * {@code null} means the budget ran out.
     */
    private Reply until(String name, Call call, int... expected) {
        long deadline = System.nanoTime() + RETRY_BUDGET.toNanos();
        long backoff = 100;
        while (System.nanoTime() < deadline) {
            try {
                Reply reply = call.send();
                for (int status : expected) {
                    if (reply.status() == status) {
                        report.success(name);
                        return reply;
                    }
                }
                report.failure(name, reply.kind());
                if (reply.status() < 500) {
                    return reply;
                }
            } catch (IOException e) {
                report.failure(name, "connection error (" + e.getClass().getSimpleName() + ")");
            }
            pause(backoff);
            backoff = Math.min(backoff * 2, 2_000);
        }
        gaveUp.incrementAndGet();
        return null;
    }

    int checkoutsInFlight() {
        return checkoutsInFlight.get();
    }

    long acknowledgedCheckouts() {
        return acknowledged.values().stream().mapToLong(List::size).sum();
    }

    /** Lets every client finish the request it is on (each retry loop is bounded), then stops them. */
    @Override
    public void close() throws Exception {
        stopping = true;
        threads.shutdown();
        if (!threads.awaitTermination(RETRY_BUDGET.toSeconds() + CLEAR_WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            throw new IllegalStateException("The checkout clients did not stop");
        }
        for (Future<?> shopper : running) {
            shopper.get();
        }
    }

    /** What the clients were told against what is stored: orders lost and duplicated, as figures in the report. */
    Verdict verify(LocalPostgres postgres) throws SQLException {
        long lost = 0;
        long duplicated = 0;
        long stored = 0;
        try (Connection db = postgres.superuserConnection();
                PreparedStatement orders =
                        db.prepareStatement("SELECT id::text FROM orders.customer_order WHERE customer_id = ?::uuid")) {
            for (Shopper shopper : shoppers) {
                Set<String> inDatabase = new HashSet<>();
                orders.setString(1, shopper.customerId());
                try (ResultSet rs = orders.executeQuery()) {
                    while (rs.next()) {
                        inDatabase.add(rs.getString(1));
                    }
                }
                List<String> told = acknowledged.getOrDefault(shopper.customerId(), List.of());
                stored += inDatabase.size();
                lost += told.stream().filter(id -> !inDatabase.contains(id)).count();
                // Every round is one checkout, retried until answered: an order no client was told about, or one
                // order given for two rounds, is a checkout that happened twice.
                duplicated += inDatabase.size() - new HashSet<>(told).size();
                duplicated += told.size() - new HashSet<>(told).size();
            }
        }
        Verdict verdict = new Verdict(acknowledgedCheckouts(), stored, lost, duplicated, gaveUp.get());
        report.fact("checkouts acknowledged to clients", verdict.acknowledged());
        report.fact("orders stored for these shoppers", verdict.stored());
        report.fact("orders lost", verdict.lost());
        report.fact("orders duplicated", verdict.duplicated());
        report.fact("requests given up after " + RETRY_BUDGET.toSeconds() + " s of retries", verdict.gaveUp());
        return verdict;
    }

    record Verdict(long acknowledged, long stored, long lost, long duplicated, long gaveUp) {}

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface Call {
        Reply send() throws IOException;
    }
}
