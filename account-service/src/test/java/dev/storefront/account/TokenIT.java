package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The token contract and the JWKS, against the packaged app. */
@QuarkusIntegrationTest
class TokenIT extends TokenTest {}
