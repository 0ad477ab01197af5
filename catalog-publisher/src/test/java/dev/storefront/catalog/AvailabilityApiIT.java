package dev.storefront.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * order-service's sold-out deliveries ({@link AvailabilityApiTest}) against the packaged app, which reads the keys of
 * service tokens from {@code SERVICE_JWT_JWKS} as in production.
 */
@QuarkusIntegrationTest
class AvailabilityApiIT extends AvailabilityApiTest {}
