package dev.storefront.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The profile and address book, against the packaged app. */
@QuarkusIntegrationTest
class MeIT extends MeTest {}
