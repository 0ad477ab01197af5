package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Health, metrics and OpenAPI, against the packaged app. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {}
