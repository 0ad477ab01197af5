package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.TestTokens;
import dev.storefront.local.infra.fuzz.ApiFuzzer;
import dev.storefront.local.infra.fuzz.FuzzReport;
import dev.storefront.local.infra.fuzz.OpenApiDocument;
import dev.storefront.local.infra.fuzz.StoredState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind to every operation of the admin API's OpenAPI document, with an admin's token, a customer's
 * token and none: no answer is a 5xx, every refusal is problem+json, and a refused request stores nothing
 * (deploy/local-infra {@code ApiFuzzer}). An admin may read and change every product, so no value is "someone
 * else's" here: a path names a product that does not exist, or is malformed.
 */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class CatalogFuzzTest {
    @InjectManagementPort
    int managementPort;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        FuzzReport report = ApiFuzzer.of("catalog-publisher")
                .api(URI.create("http://localhost:" + root.getPort()))
                .operations(OpenApiDocument.fromManagementPort(managementPort))
                .credential("admin", Products.ADMIN)
                .credential("customer", TestTokens.customer(UUID.randomUUID()))
                .state(() -> StoredState.snapshot(dataSource, "catalog", Set.of()))
                .run();

        assertTrue(report.failures().isEmpty(), report.failureMessage());
        assertEquals(0, report.serverErrors());
    }
}
