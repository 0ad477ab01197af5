package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The catalog cache in memory: only requests for a cart the caller may change fill it, and it holds at most
 * {@code CATALOG_CACHE_SIZE} documents. With a TTL of 10 minutes here, whatever the cache holds is what the cart shows.
 *
 * <p>The made-up-sku test runs first: once the bound test has filled the cache, the cache may refuse to admit a new
 * document at all (it keeps the ones read most), and a poisoned copy could not show.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CatalogCacheTest.Settings.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogCacheTest {
    static final int CACHE_SIZE = 10;

    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    public static class Settings implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "CATALOG_CACHE_TTL", "10m",
                    "CATALOG_CACHE_SIZE", Integer.toString(CACHE_SIZE),
                    "CART_PURGE_EVERY", "off");
        }

        @Override
        public void stop() {}
    }

    @Test
    @Order(1)
    void aStrangersMadeUpCartAndSkuNeverReachTheCatalog() {
        String sku = TestCatalog.newSku(); // not published yet
        var anon = CartClient.anonymous().create().extract();
        String someonesCart = anon.path("id");
        for (CartClient stranger : new CartClient[] {
            CartClient.anonymous(),
            CartClient.withToken("forged-" + UUID.randomUUID()),
            CartClient.withBearer(TestTokens.customer(UUID.randomUUID()))
        }) {
            CartApiTest.expectNotFound(stranger.put(UUID.randomUUID().toString(), sku, 1));
            CartApiTest.expectNotFound(stranger.put(someonesCart, sku, 1));
        }

        // Had the catalog been read for them, "no such product" would now be cached for the TTL.
        catalog.publish(sku, 450);
        CartClient.withToken(anon.path("token"))
                .put(someonesCart, sku, 1)
                .statusCode(200)
                .body("lines[0].unitPrice", org.hamcrest.Matchers.equalTo(450));
    }

    @Test
    @Order(2)
    void atMostCacheSizeDocumentsAreHeld() {
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 3 * CACHE_SIZE; i++) {
            String sku = catalog.publish(TestCatalog.newSku(), 100);
            skus.add(sku);
            me.put(id, sku, 1).statusCode(200);
        }
        skus.forEach(sku -> catalog.publish(sku, 200));

        // A document still held shows the old price (the TTL is long); one dropped is read again and shows the new.
        List<Integer> prices = me.get(id).statusCode(200).extract().path("lines.unitPrice");
        long held = prices.stream().filter(p -> p == 100).count();
        assertTrue(held <= CACHE_SIZE, held + " of " + prices.size() + " documents held");
    }
}
