package dev.storefront.cart;

import static dev.storefront.cart.CartApiTest.expectProblem;
import static dev.storefront.cart.CartApiTest.expectUnauthenticated;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestServiceTokens;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Only order-service, with a service token of its own, may empty a cart after an order; its token opens nothing else,
 * and neither the cart's owner nor its token holder may empty it through that call.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class CartClearAuthorizationTest {
    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    @Test
    void onlyOrderServicesTokenForThisCartAndOrderClears() {
        String ownerBearer = TestTokens.customer(UUID.randomUUID());
        CartClient owner = CartClient.withBearer(ownerBearer);
        String id = owner.create().statusCode(201).extract().path("id");
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        owner.put(id, sku, 2).statusCode(200);
        UUID cart = UUID.fromString(id);
        UUID order = UUID.randomUUID();

        for (String bad : new String[] {
            ownerBearer, // the shopper's own token, valid everywhere else on this cart
            TestTokens.admin(UUID.randomUUID()),
            TestServiceTokens.wrongIssuer(cart, order),
            TestServiceTokens.wrongAudience(cart, order),
            TestServiceTokens.expired(cart, order),
            TestServiceTokens.forged(cart, order),
            TestServiceTokens.longLived(cart, order),
            "not-a-jwt"
        }) {
            expectUnauthenticated(CartClient.withBearer(bad).clearAfterOrder(id, order.toString(), sku, 2));
        }
        expectUnauthenticated(CartClient.anonymous().clearAfterOrder(id, order.toString(), sku, 2));
        for (String wrong : new String[] {
            TestServiceTokens.withScope("cart:read", cart, order),
            TestServiceTokens.withScope("cart:clearall", cart, order),
            TestServiceTokens.cartClear(UUID.randomUUID(), order), // another cart
            TestServiceTokens.cartClear(cart, UUID.randomUUID()) // another order
        }) {
            expectProblem(CartClient.withBearer(wrong).clearAfterOrder(id, order.toString(), sku, 2), 403, "forbidden");
        }
        owner.get(id).statusCode(200).body("lines", hasSize(1)).body("lines[0].quantity", equalTo(2));

        CartClient.orderServiceClears(id, order.toString(), sku, 2).statusCode(204);
        owner.get(id).statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void theCartTokenHolderCannotClearAnAnonymousCartThisWay() {
        var anon = CartClient.anonymous().create().extract();
        String id = anon.path("id");
        CartClient holder = CartClient.withToken(anon.path("token"));
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        holder.put(id, sku, 1).statusCode(200);

        expectUnauthenticated(holder.clearAfterOrder(id, UUID.randomUUID().toString(), sku, 1));
        holder.get(id).statusCode(200).body("lines", hasSize(1));
    }

    @Test
    void aServiceTokenOpensNoOtherCartCall() {
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        var anon = CartClient.anonymous().create().extract();
        String anonId = anon.path("id");
        String cartToken = anon.path("token");
        CartClient.withToken(cartToken).put(anonId, sku, 1).statusCode(200);
        String ownerBearer = TestTokens.customer(UUID.randomUUID());
        String owned = CartClient.withBearer(ownerBearer).create().extract().path("id");
        CartClient.withBearer(ownerBearer).put(owned, sku, 1).statusCode(200);

        for (String id : new String[] {anonId, owned}) {
            String service = TestServiceTokens.cartClear(UUID.fromString(id), UUID.randomUUID());
            for (CartClient caller : new CartClient[] {
                CartClient.withBearer(service), CartClient.withToken(cartToken).andBearer(service)
            }) {
                expectUnauthenticated(caller.create());
                expectUnauthenticated(caller.get(id));
                expectUnauthenticated(caller.put(id, sku, 5));
                expectUnauthenticated(caller.remove(id, sku));
                expectUnauthenticated(caller.merge(anonId));
            }
        }
        CartClient.withToken(cartToken).get(anonId).statusCode(200).body("lines[0].quantity", equalTo(1));
        CartClient.withBearer(ownerBearer).get(owned).statusCode(200).body("lines[0].quantity", equalTo(1));
    }

    @Test
    void aClearNamesItsOrderAndItsLines() {
        String id = CartClient.anonymous().create().extract().path("id");
        UUID order = UUID.randomUUID();
        CartClient service = CartClient.withBearer(TestServiceTokens.cartClear(UUID.fromString(id), order));
        expectProblem(service.clearRaw(id, "{\"lines\":[]}"), 400);
        expectProblem(service.clearRaw(id, "{\"order\":\"" + order + "\"}"), 400);
        expectProblem(service.clearAfterOrder(id, order.toString(), "SKU-1", 0), 400);
        expectProblem(service.clearAfterOrder(id, order.toString(), "SKU-1", 100), 400);
    }
}
