package dev.storefront.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Checkout to a saved address, account-service outage included, against the packaged app. */
@QuarkusIntegrationTest
class SavedAddressCheckoutIT extends SavedAddressCheckoutTest {}
