package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopOptionsTest {
    private static final Path ROOT = Path.of("/repo");

    @Test
    void servicesStartWithC1OnlyUnlessThroughputIsAskedFor() {
        assertFalse(ShopOptions.parse(new String[0], ROOT).throughput());
        assertTrue(ShopOptions.parse(new String[] {"--throughput", "--port", "9090"}, ROOT)
                .throughput());
        assertTrue(ServiceInstance.jvmOptions(ServiceInstance.Jit.QUICK_START).contains("-XX:TieredStopAtLevel=1"));
        assertFalse(ServiceInstance.jvmOptions(ServiceInstance.Jit.FULL).stream()
                .anyMatch(option -> option.startsWith("-XX:TieredStopAtLevel")));
    }

    @Test
    void theHelpNamesTheOption() {
        assertTrue(ShopOptions.USAGE.contains("--throughput"));
        assertEquals(
                List.of(),
                ShopOptions.parse(new String[] {"--throughput"}, ROOT).accountCommand());
    }
}
