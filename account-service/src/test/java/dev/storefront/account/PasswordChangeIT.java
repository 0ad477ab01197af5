package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PasswordChangeIT extends PasswordChangeTest {}
