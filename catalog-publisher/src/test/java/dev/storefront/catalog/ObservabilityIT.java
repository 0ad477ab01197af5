package dev.storefront.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Latency histograms and request ids ({@link ObservabilityTest}), against the packaged app. */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {}
