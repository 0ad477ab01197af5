package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Sign-up, against the packaged app. */
@QuarkusIntegrationTest
class SignUpIT extends SignUpTest {}
