package dev.storefront.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Checkout end to end, against the packaged app. */
@QuarkusIntegrationTest
class CheckoutIT extends CheckoutTest {}
