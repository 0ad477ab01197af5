package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestTokens;
import dev.storefront.local.infra.fuzz.ApiFuzzer;
import dev.storefront.local.infra.fuzz.FuzzReport;
import dev.storefront.local.infra.fuzz.OpenApiDocument;
import dev.storefront.local.infra.fuzz.StoredState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind to every operation of the cart API's OpenAPI document, with and without a valid token: no
 * answer is a 5xx, every refusal is problem+json, and a refused request stores nothing (deploy/local-infra
 * {@code ApiFuzzer}).
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class CartFuzzTest {
    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    @InjectManagementPort
    int managementPort;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        String sku = catalog.publish(TestCatalog.newSku(), 700);
        // Carts that exist but belong to none of the fuzzer's callers: an anonymous one and another shopper's.
        var anonymous = CartClient.anonymous().create().statusCode(201).extract();
        String anonymousCart = anonymous.path("id");
        CartClient.withToken(anonymous.path("token")).put(anonymousCart, sku, 1).statusCode(200);
        CartClient owner = CartClient.withBearer(TestTokens.customer(UUID.randomUUID()));
        String ownersCart = owner.create().statusCode(201).extract().path("id");
        owner.put(ownersCart, sku, 2).statusCode(200);
        // The fuzzer's shopper already has a cart, so that a POST /api/carts with its token stores nothing new.
        String shopper = TestTokens.customer(UUID.randomUUID());
        CartClient.withBearer(shopper).create().statusCode(201);

        FuzzReport report = ApiFuzzer.of("cart-service")
                .api(URI.create("http://localhost:" + root.getPort()))
                .operations(OpenApiDocument.fromManagementPort(managementPort))
                .credential("customer", shopper)
                .foreign("id", List.of(anonymousCart, ownersCart))
                .foreign("sku", List.of(sku))
                .bearerAlwaysRead()
                .state(() -> StoredState.snapshot(dataSource, "cart", Set.of()))
                .run();

        assertTrue(report.failures().isEmpty(), report.failureMessage());
        assertEquals(0, report.serverErrors());
        assertTrue(report.minimumPerOperation() >= ApiFuzzer.DEFAULT_CASES || System.getProperty("fuzz.cases") != null);
    }

    /** Found by this fuzzer: these were taken as anonymous and each created a cart. */
    @Test
    void anAuthorizationHeaderWithoutABearerTokenIs401AndCreatesNoCart() {
        for (String authorization : new String[] {"Basic dXNlcjpwYXNz", "Bearer ", "Bearer", "Token abc"}) {
            var stored = StoredState.snapshot(dataSource, "cart", Set.of());
            CartApiTest.expectUnauthenticated(io.restassured.RestAssured.given()
                    .contentType("application/json")
                    .header("Authorization", authorization)
                    .post("/api/carts")
                    .then());
            assertEquals(stored, StoredState.snapshot(dataSource, "cart", Set.of()), authorization);
        }
    }
}
