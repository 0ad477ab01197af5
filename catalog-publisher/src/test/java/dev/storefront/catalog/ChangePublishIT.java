package dev.storefront.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Incremental publishing ({@link ChangePublishTest}), against the packaged app. */
@QuarkusIntegrationTest
class ChangePublishIT extends ChangePublishTest {}
