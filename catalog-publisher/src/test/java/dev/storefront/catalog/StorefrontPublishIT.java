package dev.storefront.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The published storefront ({@link StorefrontPublishTest}), against the packaged app. */
@QuarkusIntegrationTest
class StorefrontPublishIT extends StorefrontPublishTest {}
