package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Request ids and latency histograms, against the packaged app. */
@QuarkusIntegrationTest
class ObservabilityIT extends ObservabilityTest {}
