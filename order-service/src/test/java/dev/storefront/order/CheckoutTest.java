package dev.storefront.order;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Checkout end to end against the real cart-service, PostgreSQL and bucket. */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class CheckoutTest {
    @InjectCartService
    ServiceProcess cart;

    @InjectCatalog
    TestCatalog catalog;

    @Test
    void placesAnOrderPricedFromTheCatalogAndClearsTheCart() {
        String tea = catalog.publish(TestCatalog.newSku(), 1250);
        String mug = catalog.publish(TestCatalog.newSku(), 399);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(tea, "2", mug, "1");

        String orderId = shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/orders/"))
                .body("status", equalTo("PLACED"))
                .body("currency", equalTo("EUR"))
                .body("total", equalTo(2 * 1250 + 399))
                .body("itemCount", equalTo(3))
                .body("lines.sku", equalTo(List.of(tea, mug)))
                .body("lines.lineTotal", equalTo(List.of(2500, 399)))
                .body("shippingAddress.country", equalTo("GB"))
                .extract()
                .path("id");

        assertEquals(1, shopper.storedOrders());
        shopper.orders()
                .get("/api/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("total", equalTo(2899))
                .body("lines", hasSize(2));
        shopper.orders().get("/api/orders").then().statusCode(200).body("items[0].id", equalTo(orderId));
        Eventually.within(Duration.ofSeconds(20), "cart cleared", () -> shopper.cartLines(cartId) == 0);
    }

    @Test
    void sameKeyAndBodyReplaysTheFirstOrder() {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 500), "1");
        String key = UUID.randomUUID().toString();

        Response first = shopper.checkout(key, Shopper.body(cartId))
                .statusCode(201)
                .extract()
                .response();
        Response again = shopper.checkout(key, Shopper.body(cartId).replace(",", " , "))
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract()
                .response();

        assertEquals(first.asString(), again.asString());
        assertEquals(1, shopper.storedOrders());
    }

    @Test
    void twentyConcurrentDuplicatesMakeExactlyOneOrder() throws Exception {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 700), "3");
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<Response> call = () -> {
                    go.await();
                    return shopper.orders()
                            .header("Idempotency-Key", key)
                            .body(Shopper.body(cartId))
                            .post("/api/orders");
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> f : futures) {
                Response r = f.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.path("id"));
            }
            assertEquals(1, ids.size(), "every duplicate got the same order");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, shopper.storedOrders());
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 500), "1");
        String key = UUID.randomUUID().toString();
        shopper.checkout(key, Shopper.body(cartId)).statusCode(201);

        shopper.checkout(key, Shopper.body(cartId).replace("London", "Paris"))
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://storefront.dev/problems/idempotency-key-reused"));
        assertEquals(1, shopper.storedOrders());
    }

    @Test
    void keysArePerCustomer() {
        String sku = catalog.publish(TestCatalog.newSku(), 500);
        Shopper ann = Shopper.signIn(cart);
        Shopper bob = Shopper.signIn(cart);
        String key = UUID.randomUUID().toString();
        String annOrder = ann.checkout(key, Shopper.body(ann.cartWith(sku, "1")))
                .statusCode(201)
                .extract()
                .path("id");
        String bobOrder = bob.checkout(key, Shopper.body(bob.cartWith(sku, "1")))
                .statusCode(201)
                .extract()
                .path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(annOrder, bobOrder);
    }

    @Test
    void clientSentPricesAreRefusedAndNeverUsed() {
        String sku = catalog.publish(TestCatalog.newSku(), 1999);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(sku, "1");
        String withTotal = Shopper.body(cartId).replaceFirst("\\{", "{\"total\":1,");
        String withPrice =
                Shopper.body(cartId).replaceFirst("\\{", "{\"lines\":[{\"sku\":\"" + sku + "\",\"price\":1}],");

        shopper.checkout(UUID.randomUUID().toString(), withTotal)
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        shopper.checkout(UUID.randomUUID().toString(), withPrice).statusCode(400);
        assertEquals(0, shopper.storedOrders());

        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(201)
                .body("total", equalTo(1999))
                .body("lines[0].unitPrice", equalTo(1999));
    }

    @Test
    void priceChangedInTheCatalogIsRefusedNamingTheSku() {
        String stable = catalog.publish(TestCatalog.newSku(), 300);
        String changed = catalog.publish(TestCatalog.newSku(), 1000);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(stable, "1", changed, "2");
        catalog.publish(changed, 1200);

        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://storefront.dev/problems/price-changed"))
                .body("priceChanges", hasSize(1))
                .body("priceChanges[0].sku", equalTo(changed))
                .body("priceChanges[0].cartPrice", equalTo(1000))
                .body("priceChanges[0].currentPrice", equalTo(1200));
        assertEquals(0, shopper.storedOrders());
        assertEquals(2, shopper.cartLines(cartId));
    }

    /**
     * Checkout prices from copies of the catalog at most {@code CATALOG_MAX_AGE} old (1 s here, see
     * {@link CheckoutStackResource}): a price change published after a checkout priced the product must be seen by the
     * next checkout once that much time has passed, never later.
     */
    @Test
    void aPriceChangeReachesCheckoutWithinTheCatalogBound() throws InterruptedException {
        String sku = catalog.publish(TestCatalog.newSku(), 500);
        Shopper first = Shopper.signIn(cart);
        Shopper second = Shopper.signIn(cart);
        String secondCart = second.cartWith(sku, "1");
        first.checkout(UUID.randomUUID().toString(), Shopper.body(first.cartWith(sku, "1")))
                .statusCode(201)
                .body("total", equalTo(500));

        catalog.publish(sku, 650);
        Thread.sleep(CheckoutStackResource.CATALOG_MAX_AGE.toMillis() + 200);

        // cart-service still shows the 500 it cached; checkout must price at 650 and refuse the difference.
        second.checkout(UUID.randomUUID().toString(), Shopper.body(secondCart))
                .statusCode(409)
                .body("priceChanges[0].sku", equalTo(sku))
                .body("priceChanges[0].currentPrice", equalTo(650));
    }

    @Test
    void unavailableItemsAreRefused() {
        String inactive = catalog.publish(TestCatalog.newSku(), 300);
        String soldOut = catalog.publish(TestCatalog.newSku(), 300);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(inactive, "1", soldOut, "1");
        catalog.publish(inactive, 300, false, "IN_STOCK");
        catalog.publish(soldOut, 300, true, "OUT_OF_STOCK");

        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(422)
                .body("unavailableSkus", hasItem(inactive))
                .body("unavailableSkus", hasItem(soldOut));
        assertEquals(0, shopper.storedOrders());
    }

    @Test
    void emptyOrForeignCartIsRefused() {
        Shopper shopper = Shopper.signIn(cart);
        String empty = shopper.cartWith();
        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(empty))
                .statusCode(422)
                .body("type", equalTo("https://storefront.dev/problems/empty-cart"));

        Shopper other = Shopper.signIn(cart);
        String othersCart = other.cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");
        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(othersCart))
                .statusCode(422)
                .body("type", equalTo("https://storefront.dev/problems/cart-not-found"));
        assertEquals(0, shopper.storedOrders());
    }

    @Test
    void anotherCustomersOrderIsNotFound() {
        Shopper owner = Shopper.signIn(cart);
        String orderId = owner.placeOrder(catalog);
        Shopper stranger = Shopper.signIn(cart);

        stranger.orders()
                .get("/api/orders/{id}", orderId)
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
        stranger.orders().post("/api/orders/{id}/cancel", orderId).then().statusCode(404);
        stranger.orders().get("/api/orders").then().statusCode(200).body("items", hasSize(0));
        owner.orders()
                .get("/api/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("status", equalTo("PLACED"));
    }

    @Test
    void ownerCancelsAPlacedOrderOnce() {
        Shopper owner = Shopper.signIn(cart);
        String orderId = owner.placeOrder(catalog);

        owner.orders()
                .post("/api/orders/{id}/cancel", orderId)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        owner.orders()
                .post("/api/orders/{id}/cancel", orderId)
                .then()
                .statusCode(409)
                .contentType(startsWith("application/problem+json"));
        owner.orders().get("/api/orders/{id}", orderId).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void historyIsNewestFirstInBoundedPages() {
        Shopper shopper = Shopper.signIn(cart);
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String cartId = shopper.cartWith(sku, "1");
            placed.add(
                    0,
                    shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                            .statusCode(201)
                            .extract()
                            .path("id"));
            // A signed-in shopper has one cart; wait until this order's clear is through before filling it again.
            Eventually.within(Duration.ofSeconds(20), "cart cleared", () -> shopper.cartLines(cartId) == 0);
        }
        Response first = shopper.orders().queryParam("size", 2).get("/api/orders");
        assertEquals(placed.subList(0, 2), first.path("items.id"));
        String cursor = first.path("nextCursor");
        shopper.orders()
                .queryParam("size", 2)
                .queryParam("cursor", cursor)
                .get("/api/orders")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(placed.subList(2, 3)))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        shopper.orders().queryParam("size", 101).get("/api/orders").then().statusCode(400);
        shopper.orders()
                .queryParam("cursor", "nonsense!")
                .get("/api/orders")
                .then()
                .statusCode(400);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 100), "1");

        shopper.checkout(null, Shopper.body(cartId))
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
        shopper.checkout("k1", "{\"cartId\":").statusCode(400).contentType(startsWith("application/problem+json"));
        shopper.checkout("k2", "{\"shippingAddress\":" + Shopper.ADDRESS + "}")
                .statusCode(400)
                .body("errors.field", hasItem("cartId"));
        shopper.checkout("k3", Shopper.body(cartId).replace("\"GB\"", "\"XX\""))
                .statusCode(400)
                .body("errors.field", hasItem("country"));
        shopper.checkout("k4", Shopper.body(cartId).replace("\"Ada Lovelace\"", "\"\""))
                .statusCode(400)
                .body("errors.field", hasItem("name"));
        shopper.checkout("k5", "{\"cartId\":\"" + cartId + "\"}").statusCode(400);
        shopper.checkout("k9", Shopper.body(cartId).replace("\"London\"", "\"Lon\\u0000don\""))
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://storefront.dev/problems/malformed-request"))
                .body("detail", startsWith("Field 'shippingAddress.city' contains a character that is not allowed"));
        shopper.orders()
                .queryParam("cursor", "\u0000")
                .get("/api/orders")
                .then()
                .statusCode(400)
                .body("detail", startsWith("Query parameter 'cursor' contains a character that is not allowed"));
        shopper.checkout(
                        "k6",
                        Shopper.bodyWithSavedAddress(cartId, UUID.randomUUID().toString()))
                .statusCode(422)
                .body("type", equalTo("https://storefront.dev/problems/address-not-found"));
        shopper.checkout(
                        "k8",
                        Shopper.body(cartId)
                                .replace("{\"cartId\"", "{\"addressId\":\"" + UUID.randomUUID() + "\",\"cartId\""))
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
        assertEquals(0, shopper.storedOrders());

        io.restassured.RestAssured.given()
                .contentType("application/json")
                .header("Idempotency-Key", "k7")
                .body(Shopper.body(cartId))
                .post("/api/orders")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }
}
