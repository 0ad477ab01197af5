package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.NativeBuildConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a native executable of cart-service must hold that Quarkus does not find by itself, checked in the
 * configuration the native build generated (after {@code -Pnative}, or {@code -Pnative-sources}, which stops before
 * native-image; a JVM build has none, and skips this). Without the product document's accessors every catalog document
 * would parse as invalid, and every product would look unknown to a cart.
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
                config.registersForJackson("dev.storefront.cart.client.CatalogProduct"),
                "CatalogProduct (read from the bucket by CatalogBucket) is not registered in " + config.runnerJar());
    }

    @Test
    void everyRecordOfTheApiHasWhatJacksonNeeds() {
        assertEquals(
                List.of(),
                config.recordsNotRegisteredForJackson(
                        NativeBuildConfig.CLASSES,
                        "dev.storefront.cart.api",
                        getClass().getClassLoader()));
    }

    @Test
    void everyMigrationIsInTheExecutable() {
        assertEquals(List.of(), config.missingResources(NativeBuildConfig.CLASSES, "db/migration"));
    }
}
