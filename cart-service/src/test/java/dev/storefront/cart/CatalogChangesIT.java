package dev.storefront.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Carts following what is published in the bucket, against the packaged app. */
@QuarkusIntegrationTest
class CatalogChangesIT extends CatalogChangesTest {}
