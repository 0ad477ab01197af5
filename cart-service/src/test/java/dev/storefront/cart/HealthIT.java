package dev.storefront.cart;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Readiness (database and catalog bucket), liveness, metrics and OpenAPI, against the packaged app. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {}
