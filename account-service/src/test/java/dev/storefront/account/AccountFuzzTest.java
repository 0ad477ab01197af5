package dev.storefront.account;

import static dev.storefront.account.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.InjectManagementPort;
import dev.storefront.local.infra.fuzz.ApiFuzzer;
import dev.storefront.local.infra.fuzz.FuzzReport;
import dev.storefront.local.infra.fuzz.OpenApiDocument;
import dev.storefront.local.infra.fuzz.StoredState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind to every operation of the account API's OpenAPI document, with and without a valid token:
 * no answer is a 5xx, every refusal is problem+json, and a refused request stores nothing, not even a counted sign-in
 * attempt (deploy/local-infra {@code ApiFuzzer}).
 */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class AccountFuzzTest {
    @InjectManagementPort
    int managementPort;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        // An address that exists but is not the fuzzer's customer's.
        String othersAddress = as(Api.newCustomer())
                .body(Map.of(
                        "name",
                        "Ann Example",
                        "line1",
                        "Main Street 1",
                        "city",
                        "Berlin",
                        "postalCode",
                        "10115",
                        "country",
                        "de"))
                .post("/api/accounts/me/addresses")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String customer = Api.newCustomer();
        // The scheduled purge deletes sign-in counters older than the window; rows from before this run are left out of
        // the comparison so that the purge cannot change it. A counter a refused request wrote is newer, so compared.
        String since = "window_started_at >= '" + OffsetDateTime.now().minusMinutes(1) + "'";

        FuzzReport report = ApiFuzzer.of("account-service")
                .api(URI.create("http://localhost:" + root.getPort()))
                .operations(OpenApiDocument.fromManagementPort(managementPort))
                .credential("customer", customer)
                .foreign("id", List.of(othersAddress))
                // every request from an address of its own, as the other tests do, so no lockout is shared
                .headersPerRequest(() -> Map.of("X-Forwarded-For", Api.uniqueClient()))
                .state(() -> StoredState.snapshot(dataSource, "account", Set.of(), Map.of("login_throttle", since)))
                .run();

        assertTrue(report.failures().isEmpty(), report.failureMessage());
        assertEquals(0, report.serverErrors());
    }
}
