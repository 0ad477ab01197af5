package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class SessionIT extends SessionTest {}
