package dev.storefront.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Stock reserved at checkout, given back on cancel, and set by admins, against the real services and database. */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class StockTest {
    private static final String OUT_OF_STOCK = "https://storefront.dev/problems/out-of-stock";

    @InjectCartService
    ServiceProcess cart;

    @InjectCatalog
    TestCatalog catalog;

    private final UUID adminId = UUID.randomUUID();

    @Test
    void twentyShoppersRaceForFiveUnitsAndExactlyFiveGetOne() throws Exception {
        String sku = catalog.publish(TestCatalog.newSku(), 900);
        setStock(sku, 5);
        List<Shopper> shoppers = new ArrayList<>();
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Shopper shopper = Shopper.signIn(cart);
            shoppers.add(shopper);
            carts.add(shopper.cartWith(sku, "1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Shopper shopper = shoppers.get(i);
                String body = Shopper.body(carts.get(i));
                answers.add(pool.submit(() -> {
                    go.await();
                    return shopper.orders()
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .body(body)
                            .post("/api/orders");
                }));
            }
            go.countDown();
            int placed = 0;
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                if (r.statusCode() == 201) {
                    placed++;
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertEquals(OUT_OF_STOCK, r.path("type"));
                    assertEquals(0, (int) r.path("shortages[0].left"));
                }
            }
            assertEquals(5, placed, "orders placed for 5 units");
        } finally {
            pool.shutdownNow();
        }
        admin().get("/api/orders/stock/{sku}", sku).then().statusCode(200).body("available", equalTo(0));
        assertEquals(5, Shopper.count(ordersOf(sku)));
        assertEquals(1, Shopper.count(signal(sku, true)), "the storefront is to be told it sold out");
    }

    @Test
    void buyingMoreThanIsLeftIs409WithWhatIsLeftAndTheKeyWorksOnceTheCartIsFixed() {
        String sku = catalog.publish(TestCatalog.newSku(), 450);
        String untracked = catalog.publish(TestCatalog.newSku(), 100);
        setStock(sku, 2);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(sku, "3", untracked, "7");
        String key = UUID.randomUUID().toString();

        shopper.checkout(key, Shopper.body(cartId))
                .statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(OUT_OF_STOCK))
                .body("detail", containsString(sku))
                .body("shortages.size()", equalTo(1))
                .body("shortages[0].sku", equalTo(sku))
                .body("shortages[0].name", equalTo("Product " + sku))
                .body("shortages[0].requested", equalTo(3))
                .body("shortages[0].left", equalTo(2));
        assertEquals(0, shopper.storedOrders());
        admin().get("/api/orders/stock/{sku}", sku).then().body("available", equalTo(2));

        shopper.cartApi()
                .body("{\"quantity\":2}")
                .put("/api/carts/{id}/items/{sku}", cartId, sku)
                .then()
                .statusCode(200);
        shopper.checkout(key, Shopper.body(cartId)).statusCode(201).body("itemCount", equalTo(9));
        admin().get("/api/orders/stock/{sku}", sku).then().body("available", equalTo(0));
    }

    @Test
    void aProductShownSoldOutIsRefusedForItsStockNotAsUnavailable() throws Exception {
        String sku = catalog.publish(TestCatalog.newSku(), 300);
        setStock(sku, 1);
        Shopper shopper = Shopper.signIn(cart);
        String cartId = shopper.cartWith(sku, "2");
        catalog.publishSoldOut(sku, 300);
        Thread.sleep(CheckoutStackResource.CATALOG_MAX_AGE.toMillis() + 200);

        shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                .statusCode(409)
                .body("type", equalTo(OUT_OF_STOCK))
                .body("shortages[0].left", equalTo(1));
    }

    @Test
    void cancellingGivesTheQuantitiesBackOnceAndSaysItIsBackInStock() {
        String sku = catalog.publish(TestCatalog.newSku(), 250);
        setStock(sku, 3);
        Shopper shopper = Shopper.signIn(cart);
        String orderId = shopper.checkout(UUID.randomUUID().toString(), Shopper.body(shopper.cartWith(sku, "3")))
                .statusCode(201)
                .extract()
                .path("id");
        admin().get("/api/orders/stock/{sku}", sku).then().body("available", equalTo(0));

        shopper.orders().post("/api/orders/{id}/cancel", orderId).then().statusCode(200);
        shopper.orders().post("/api/orders/{id}/cancel", orderId).then().statusCode(409);

        admin().get("/api/orders/stock/{sku}", sku)
                .then()
                .body("available", equalTo(3))
                .body("changes[0].reason", equalTo("CANCELLED"))
                .body("changes[0].before", equalTo(0))
                .body("changes[0].after", equalTo(3))
                .body("changes[0].orderId", equalTo(orderId))
                .body("changes[0].changedBy", equalTo(shopper.id().toString()));
        assertEquals(1, Shopper.count(signal(sku, false)), "the storefront is to be told it is back");
    }

    @Test
    void adminsSetAdjustAndReadStockWithAnAuditRowPerChange() {
        String sku = TestCatalog.newSku();
        admin().get("/api/orders/stock/{sku}", sku)
                .then()
                .statusCode(404)
                .body("type", equalTo("https://storefront.dev/problems/stock-not-tracked"));
        admin().body("{\"delta\":5}")
                .post("/api/orders/stock/{sku}/adjustments", sku)
                .then()
                .statusCode(404);

        setStock(sku, 10);
        admin().body("{\"delta\":5}")
                .post("/api/orders/stock/{sku}/adjustments", sku)
                .then()
                .statusCode(200)
                .body("available", equalTo(15));
        admin().body("{\"delta\":-16}")
                .post("/api/orders/stock/{sku}/adjustments", sku)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://storefront.dev/problems/stock-out-of-range"));

        admin().get("/api/orders/stock/{sku}", sku)
                .then()
                .statusCode(200)
                .body("available", equalTo(15))
                .body("version", equalTo(2))
                .body("changes.reason", equalTo(List.of("ADJUSTED", "SET")))
                .body("changes[1].before", nullValue())
                .body("changes[1].after", equalTo(10))
                .body("changes[0].before", equalTo(10))
                .body("changes[0].changedBy", equalTo(adminId.toString()));

        setStock(sku, 1_000_000_000);
        admin().body("{\"delta\":1}")
                .post("/api/orders/stock/{sku}/adjustments", sku)
                .then()
                .statusCode(409)
                .body("type", equalTo("https://storefront.dev/problems/stock-out-of-range"));
    }

    @Test
    void aBulkChangeSetsEverySkuOrNone() {
        String a = TestCatalog.newSku();
        String b = TestCatalog.newSku();
        admin().body("{\"items\":[{\"sku\":\"%s\",\"available\":4},{\"sku\":\"%s\",\"available\":-1}]}".formatted(a, b))
                .put("/api/orders/stock")
                .then()
                .statusCode(400)
                .body("type", equalTo("https://storefront.dev/problems/validation-failed"));
        admin().body("{\"items\":[{\"sku\":\"%s\",\"available\":4},{\"sku\":\"%s\",\"available\":1}]}".formatted(a, a))
                .put("/api/orders/stock")
                .then()
                .statusCode(400)
                .body("detail", containsString("more than once"));
        admin().get("/api/orders/stock/{sku}", a).then().statusCode(404);

        admin().body("{\"items\":[{\"sku\":\"%s\",\"available\":4},{\"sku\":\"%s\",\"available\":0}]}".formatted(b, a))
                .put("/api/orders/stock")
                .then()
                .statusCode(200)
                .body("items.sku", equalTo(List.of(a, b).stream().sorted().toList()));
        admin().get("/api/orders/stock/{sku}", a).then().body("available", equalTo(0));
        admin().get("/api/orders/stock/{sku}", b).then().body("available", equalTo(4));
        assertEquals(1, Shopper.count(signal(a, true)), "set to 0: sold out");
        assertEquals(
                0,
                Shopper.count("SELECT count(*) FROM orders.availability_signal WHERE sku = '" + b + "'"),
                "never sold out: nothing to say");
    }

    @Test
    void onlyAdminsChangeStockAndBadInputIs400() {
        String sku = TestCatalog.newSku();
        Shopper shopper = Shopper.signIn(cart);
        shopper.orders()
                .body("{\"available\":3}")
                .put("/api/orders/stock/{sku}", sku)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body("{\"available\":3}")
                .put("/api/orders/stock/{sku}", sku)
                .then()
                .statusCode(401);
        admin().body("{\"available\":-3}")
                .put("/api/orders/stock/{sku}", sku)
                .then()
                .statusCode(400);
        admin().body("{}").put("/api/orders/stock/{sku}", sku).then().statusCode(400);
        admin().body("{\"available\":3}")
                .put("/api/orders/stock/{sku}", "not a sku")
                .then()
                .statusCode(400);
        admin().get("/api/orders/stock/{sku}", sku).then().statusCode(404);
    }

    @Test
    void shoppersAreToldHowManyAreLeftOnlyWhenFewAre() {
        String few = TestCatalog.newSku();
        String plenty = TestCatalog.newSku();
        String none = TestCatalog.newSku();
        String untracked = TestCatalog.newSku();
        setStock(few, 3);
        setStock(plenty, 6);
        setStock(none, 0);

        given().queryParam("sku", few, plenty, none, untracked)
                .get("/api/orders/stock")
                .then()
                .statusCode(200)
                .body("items.find { it.sku == '%s' }.left".formatted(few), equalTo(3))
                .body("items.find { it.sku == '%s' }.left".formatted(none), equalTo(0))
                .body("items.find { it.sku == '%s' }.left".formatted(plenty), nullValue())
                .body("items.find { it.sku == '%s' }.left".formatted(untracked), nullValue());
        given().get("/api/orders/stock").then().statusCode(400);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(TestCatalog.newSku());
        }
        given().queryParam("sku", tooMany).get("/api/orders/stock").then().statusCode(400);
        given().queryParam("sku", "<script>").get("/api/orders/stock").then().statusCode(400);
    }

    private RequestSpecification admin() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + TestTokens.admin(adminId));
    }

    private void setStock(String sku, int available) {
        admin().body("{\"available\":" + available + "}")
                .put("/api/orders/stock/{sku}", sku)
                .then()
                .statusCode(200)
                .body("available", equalTo(available));
    }

    private static String ordersOf(String sku) {
        return "SELECT count(*) FROM orders.order_line WHERE sku = '" + sku + "'";
    }

    private static String signal(String sku, boolean soldOut) {
        return "SELECT count(*) FROM orders.availability_signal WHERE sku = '" + sku + "' AND sold_out = " + soldOut;
    }
}
