package dev.storefront.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The admin API's rules, problem bodies and bucket effects ({@link AdminApiTest}), against the packaged app. */
@QuarkusIntegrationTest
class AdminApiIT extends AdminApiTest {}
