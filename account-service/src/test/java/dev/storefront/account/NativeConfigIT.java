package dev.storefront.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.NativeBuildConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a native executable of account-service must hold that Quarkus does not find by itself, checked in the
 * configuration the native build generated (after {@code -Pnative}, or {@code -Pnative-sources}, which stops before
 * native-image; a JVM build has none, and skips this). Without zxcvbn's list every sign-up would fail (500) at the
 * first password check; without the records' accessors Jackson could not write the sign-in answers.
 */
class NativeConfigIT {
    private static NativeBuildConfig config;

    @BeforeAll
    static void readTheNativeBuild() {
        config = NativeBuildConfig.ofLastBuildOrSkip();
    }

    @Test
    void theCommonPasswordListIsInTheExecutable() {
        assertTrue(
                config.includesResource("com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt"),
                "zxcvbn's passwords.txt (read by CommonPasswords) is not a native resource of " + config.runnerJar());
    }

    @Test
    void everyMigrationIsInTheExecutable() {
        assertEquals(List.of(), config.missingResources(NativeBuildConfig.CLASSES, "db/migration"));
    }

    @Test
    void everyRecordOfTheApiHasWhatJacksonNeeds() {
        assertEquals(
                List.of(),
                config.recordsNotRegisteredForJackson(
                        NativeBuildConfig.CLASSES,
                        "dev.storefront.account.api",
                        getClass().getClassLoader()));
        // Only ever inside a Response: the case Quarkus cannot see by itself.
        assertTrue(config.registersForJackson("dev.storefront.account.api.TokenResponse"));
    }
}
