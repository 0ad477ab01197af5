package dev.storefront.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The cart API: lifecycle, merge, who may see a cart, and every refusal as problem+json, against the packaged app. */
@QuarkusIntegrationTest
class CartApiIT extends CartApiTest {}
