package dev.storefront.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Latency histograms and request ids followed into cart-service, against the packaged app. */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {}
