package dev.storefront.order;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Readiness, liveness, metrics and the OpenAPI document, against the packaged app. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {}
