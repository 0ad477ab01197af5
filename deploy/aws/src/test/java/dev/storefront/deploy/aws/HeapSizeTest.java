package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.config.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One truth about the heap: every task sets {@code -XX:MaxRAMPercentage=60.0}, which leaves room in every task size
 * for the JVM's own memory and the Service Connect proxy, and the runbook says the same figure.
 */
class HeapSizeTest {
    /** Metaspace, code cache, threads and direct buffers of these services, plus the Service Connect proxy. */
    private static final int NON_HEAP_MIB = 128 + 64;

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTaskGivesTheHeap60PercentAndKeepsRoomForTheRest(String env) {
        Synth synth = Synth.of(env);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertEquals(
                    "-XX:MaxRAMPercentage=60.0", synth.environmentValue(spec.name(), "JAVA_TOOL_OPTIONS"), spec.name());
            Map<String, Object> task = synth.taskDefinition(spec.name());
            int memory = Integer.parseInt(String.valueOf(task.get("Memory")));
            double rest = memory * (1 - 0.60);
            assertTrue(rest >= NON_HEAP_MIB, env + " " + spec.name() + ": only " + rest + " MiB beside the heap");
        }
    }

    @Test
    void theRunbookSaysTheSame() throws Exception {
        String runbook = "../../docs/deploy.md";
        String text = Files.readString(Path.of(runbook));
        assertTrue(text.contains("-XX:MaxRAMPercentage=60.0"), runbook + " does not name the heap setting");
        assertFalse(text.contains("heap defaults to 25 %"), runbook + " still says 25 %");
    }
}
