package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.config.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The database connection alarm counts each task's connection pool as {@link ServiceSpec#dbPoolMax()} says. That is
 * only true while it is the default its service's application.properties gives {@code DB_POOL_MAX}, and while the
 * stack leaves that variable alone.
 */
class PoolSizeTest {
    private static final Pattern POOL =
            Pattern.compile("(?m)^quarkus\\.datasource\\.jdbc\\.max-size=\\$\\{DB_POOL_MAX:(\\d+)}$");

    @Test
    void everyServiceSpecCountsThePoolItsServiceConfigures() throws Exception {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Path properties = Path.of("../..", spec.name(), "src/main/resources/application.properties");
            Matcher pool = POOL.matcher(Files.readString(properties));
            assertTrue(pool.find(), properties + " gives DB_POOL_MAX no default");
            assertEquals(Integer.parseInt(pool.group(1)), spec.dbPoolMax(), spec.name());
        }
    }

    @Test
    void theStackLeavesThePoolSizeToTheServices() {
        Synth synth = Synth.of("prod");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            List<String> environment = synth.environmentNames(spec.name());
            assertTrue(environment.contains("DB_URL"), spec.name() + " has no database environment");
            assertFalse(environment.contains("DB_POOL_MAX"), spec.name() + " has its pool size overridden");
        }
    }
}
