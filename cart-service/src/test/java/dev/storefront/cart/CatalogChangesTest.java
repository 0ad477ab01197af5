package dev.storefront.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The cart follows what is published in the bucket, after the cache TTL (1 s in tests). */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class CatalogChangesTest {
    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    @Test
    void aNewPriceShowsUpAsPriceChanged() throws InterruptedException {
        String sku = catalog.publish(TestCatalog.newSku(), 1000);
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        me.put(id, sku, 2).statusCode(200);

        catalog.publish(sku, 1200);
        afterTtl();
        me.get(id)
                .statusCode(200)
                .body("lines[0].unitPrice", equalTo(1200))
                .body("lines[0].lineTotal", equalTo(2400))
                .body("lines[0].priceChanged", equalTo(true))
                .body("totals[0].amount", equalTo(2400));

        // Setting the quantity again means the shopper has now seen the new price.
        me.put(id, sku, 2).statusCode(200).body("lines[0].priceChanged", equalTo(false));
    }

    @Test
    void inactiveOutOfStockOrUnpublishedProductsAreUnavailable() throws InterruptedException {
        String inactive = catalog.publish(TestCatalog.newSku(), 500);
        String soldOut = catalog.publish(TestCatalog.newSku(), 600);
        String gone = catalog.publish(TestCatalog.newSku(), 700);
        String fine = catalog.publish(TestCatalog.newSku(), 800);
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient me = CartClient.withToken(anon.path("token"));
        for (String sku : new String[] {inactive, soldOut, gone, fine}) {
            me.put(id, sku, 1).statusCode(200);
        }

        catalog.publish(inactive, 500, false, "IN_STOCK");
        catalog.publish(soldOut, 600, true, "OUT_OF_STOCK");
        catalog.unpublish(gone);
        afterTtl();
        me.get(id)
                .statusCode(200)
                .body("lines", hasSize(4))
                .body("lines.available", org.hamcrest.Matchers.contains(false, false, false, true))
                .body("lines[2].unitPrice", equalTo(700))
                .body("lines[2].name", equalTo("Product " + gone))
                .body("totals", hasSize(1))
                .body("totals[0].amount", equalTo(800));
        CartApiTest.expectProblem(me.put(id, inactive, 2), 422, "product-unavailable");
        me.remove(id, gone).statusCode(200).body("lines", hasSize(3));
    }

    private void afterTtl() throws InterruptedException {
        Thread.sleep(CartTestSettings.CATALOG_TTL.toMillis() + 200);
    }
}
