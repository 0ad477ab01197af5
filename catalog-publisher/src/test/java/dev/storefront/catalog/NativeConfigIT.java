package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.NativeBuildConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a native executable of catalog-publisher must hold that Quarkus does not find by itself, checked in the
 * configuration the native build generated (after {@code -Pnative}, or {@code -Pnative-sources}, which stops before
 * native-image; a JVM build has none, and skips this). Without the site assets it would not start; without the
 * documents' accessors it could not write the JSON contract that carts and checkout read.
 */
class NativeConfigIT {
    private static NativeBuildConfig config;

    @BeforeAll
    static void readTheNativeBuild() {
        config = NativeBuildConfig.ofLastBuildOrSkip();
    }

    @Test
    void theSiteAssetsTemplatesAndMigrationsAreInTheExecutable() {
        assertEquals(List.of(), config.missingResources(NativeBuildConfig.CLASSES, "site-assets"));
        assertEquals(List.of(), config.missingResources(NativeBuildConfig.CLASSES, "templates"));
        assertEquals(List.of(), config.missingResources(NativeBuildConfig.CLASSES, "db/migration"));
    }

    @Test
    void thePublishedDocumentsHaveWhatJacksonNeeds() {
        // Written with a plain ObjectMapper call (SiteRenderer, CatalogListings), not by the REST layer.
        for (String document :
                List.of("ProductDocument", "IndexEntry", "CatalogIndex", "CategoryEntry", "ListingDocument")) {
            String name = "dev.storefront.catalog.publish.Documents$" + document;
            assertTrue(config.registersForJackson(name), name + " is not registered in " + config.runnerJar());
        }
        assertTrue(config.registers("dev.storefront.catalog.domain.StockStatus"));
    }

    @Test
    void theSearchIndexShardsHaveWhatJacksonNeeds() {
        // Written by a full publish and read back and patched by a product change (SearchPublish), by hand.
        for (String shard : List.of("TermsJson", "Doc", "DocsJson", "FactsJson")) {
            String name = "dev.storefront.catalog.publish.SearchIndex$" + shard;
            assertTrue(config.registersForJackson(name), name + " is not registered in " + config.runnerJar());
        }
    }

    @Test
    void everyRecordOfTheApiHasWhatJacksonNeeds() {
        assertEquals(
                List.of(),
                config.recordsNotRegisteredForJackson(
                        NativeBuildConfig.CLASSES,
                        "dev.storefront.catalog.api",
                        getClass().getClassLoader()));
    }
}
