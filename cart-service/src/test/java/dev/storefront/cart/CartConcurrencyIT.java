package dev.storefront.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Parallel changes to one cart, against the packaged app. */
@QuarkusIntegrationTest
class CartConcurrencyIT extends CartConcurrencyTest {}
