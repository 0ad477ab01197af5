package dev.storefront.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Latency histograms and request ids, against the packaged app. */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {}
