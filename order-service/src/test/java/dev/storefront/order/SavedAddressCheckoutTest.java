package dev.storefront.order;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Checkout to an address from the shopper's address book, read from the real account-service. */
@QuarkusTest
@WithTestResource(CheckoutStackResource.class)
class SavedAddressCheckoutTest {
    private static final String PARIS = """
            {"name":"Marie Curie","line1":"11 Rue Pierre et Marie Curie","city":"Paris","postalCode":"75005",\
            "country":"FR"}""";

    @InjectCartService
    ServiceProcess cart;

    @InjectAccountService
    ServiceProcess account;

    @InjectCatalog
    TestCatalog catalog;

    @Test
    void shipsToTheSavedAddressAsItWasAtCheckout() {
        Shopper shopper = Shopper.signUp(account, cart);
        String addressId = shopper.saveAddress(account, PARIS);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 700), "1");

        String orderId = shopper.checkout(UUID.randomUUID().toString(), Shopper.bodyWithSavedAddress(cartId, addressId))
                .statusCode(201)
                .body("shippingAddress.name", equalTo("Marie Curie"))
                .body("shippingAddress.city", equalTo("Paris"))
                .body("shippingAddress.country", equalTo("FR"))
                .extract()
                .path("id");
        shopper.orders()
                .get("/api/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("shippingAddress.postalCode", equalTo("75005"));
    }

    @Test
    void anotherCustomersAddressIsNotFoundAndNothingIsStored() {
        String theirs = Shopper.signUp(account, cart).saveAddress(account, PARIS);
        Shopper shopper = Shopper.signUp(account, cart);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 700), "1");

        shopper.checkout(UUID.randomUUID().toString(), Shopper.bodyWithSavedAddress(cartId, theirs))
                .statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Address not found"))
                .body("detail", equalTo("Address " + theirs + " is not in your address book"));
        assertEquals(0, shopper.storedOrders());
        assertEquals(1, shopper.cartLines(cartId), "the cart is untouched");
    }

    @Test
    void accountServiceDownFailsOnlyCheckoutsThatNeedIt() {
        Shopper shopper = Shopper.signUp(account, cart);
        String addressId = shopper.saveAddress(account, PARIS);
        String cartId = shopper.cartWith(catalog.publish(TestCatalog.newSku(), 700), "1");
        account.stop();
        try {
            shopper.checkout(UUID.randomUUID().toString(), Shopper.bodyWithSavedAddress(cartId, addressId))
                    .statusCode(503)
                    .contentType(startsWith("application/problem+json"));
            assertEquals(0, shopper.storedOrders());

            shopper.checkout(UUID.randomUUID().toString(), Shopper.body(cartId))
                    .statusCode(201)
                    .body("shippingAddress.city", equalTo("London"));
        } finally {
            account.start();
        }
    }
}
