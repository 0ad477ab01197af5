package dev.storefront.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.NativeBuildConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a native executable of order-service must hold that Quarkus does not find by itself, checked in the
 * configuration the native build generated (after {@code -Pnative}, or {@code -Pnative-sources}, which stops before
 * native-image; a JVM build has none, and skips this). Without the product document's accessors no checkout could be
 * priced; without the checkout problem's, a refused checkout would lose the lines the shopper must fix.
 */
class NativeConfigIT {
    private static NativeBuildConfig config;

    @BeforeAll
    static void readTheNativeBuild() {
        config = NativeBuildConfig.ofLastBuildOrSkip();
    }

    @Test
    void theCatalogDocumentParsedByHandHasWhatJacksonNeeds() {
        assertTrue(
                config.registersForJackson("dev.storefront.order.client.CatalogProduct"),
                "CatalogProduct (read from the bucket by CatalogBucket) is not registered in " + config.runnerJar());
    }

    @Test
    void theCheckoutProblemAndWhatItListsHaveWhatJacksonNeeds() {
        // Written only by an exception mapper, inside a Response: the case Quarkus cannot see by itself.
        for (String record : List.of(
                "dev.storefront.order.api.CheckoutProblem",
                "dev.storefront.order.domain.PriceChange",
                "dev.storefront.order.domain.Shortage")) {
            assertTrue(config.registersForJackson(record), record + " is not registered in " + config.runnerJar());
        }
    }

    @Test
    void everyRecordOfTheApiAndOfTheCallsToOtherServicesHasWhatJacksonNeeds() {
        ClassLoader loader = getClass().getClassLoader();
        assertEquals(
                List.of(),
                config.recordsNotRegisteredForJackson(NativeBuildConfig.CLASSES, "dev.storefront.order.api", loader));
        assertEquals(
                List.of(),
                config.recordsNotRegisteredForJackson(
                        NativeBuildConfig.CLASSES, "dev.storefront.order.client", loader));
    }

    @Test
    void everyMigrationIsInTheExecutable() {
        assertEquals(List.of(), config.missingResources(NativeBuildConfig.CLASSES, "db/migration"));
    }
}
