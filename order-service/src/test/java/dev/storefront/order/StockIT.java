package dev.storefront.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Stock reserved, given back and set by admins, against the packaged app. */
@QuarkusIntegrationTest
class StockIT extends StockTest {}
