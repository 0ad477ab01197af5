package dev.storefront.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics, OpenAPI and problem+json for unknown routes ({@link HealthTest}), against the packaged app. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {}
