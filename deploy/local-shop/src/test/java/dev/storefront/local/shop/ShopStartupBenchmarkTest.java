package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.ProcStat;
import dev.storefront.local.infra.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code ./shop}'s start as a new user sees it, without the fixed ports (so it runs beside another shop): a fresh data
 * folder (PostgreSQL's initdb, every migration, the sample catalog loaded and published), all four services, the time
 * until every one answers {@code /q/health/ready}; then the same shop started again on its data (a restart). Per
 * instance it prints the time to ready, the CPU to ready and RSS.
 *
 * <p>Not part of the build: {@code ./mvnw -B -pl deploy/local-shop test -Dtest=ShopStartupBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dgroups=benchmark -DexcludedGroups=none} after {@code ./mvnw -B -DskipTests
 * package}; {@code -Dshop-startup.rounds} (2) fresh starts, each followed by a restart; {@code -Dshop-startup.jit}
 * ({@code QUICK_START}, as {@code ./shop}; {@code FULL}, as {@code ./shop --throughput}).
 */
@Tag("benchmark")
class ShopStartupBenchmarkTest {

    @Test
    void startTheWholeShop() throws IOException {
        int rounds = Integer.getInteger("shop-startup.rounds", 2);
        ServiceInstance.Jit jit = ServiceInstance.Jit.valueOf(System.getProperty("shop-startup.jit", "QUICK_START"));
        Map<ShopService, Integer> scale = new EnumMap<>(ShopService.class);
        for (ShopService service : ShopService.values()) {
            scale.put(service, 1);
        }
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createTempDirectory("shop-startup-");
            LocalShop.Layout layout = new LocalShop.Layout(
                    RepositoryRoot.find(), data, FreePort.pick(), FreePort.pick(), FreePort.pick(), true);
            for (String start : List.of("fresh", "restart")) {
                String loadBefore = StartupBenchmarkTest.loadAverage();
                Instant begin = Instant.now();
                LocalShop shop = LocalShop.start(layout, scale, true, jit);
                try {
                    Duration took = Duration.between(begin, Instant.now());
                    StringBuilder line = new StringBuilder(String.format(
                            "%s %s round %d %s: all ready in %.1f s (load average before %s)",
                            LocalDateTime.now().withNano(0), jit, round, start, took.toMillis() / 1000.0, loadBefore));
                    for (ServiceInstance instance : shop.instances()) {
                        line.append(String.format(
                                "; %s %.1f s, CPU %.1f s, %d MB",
                                instance.service().shortName(),
                                instance.startToReady().toMillis() / 1000.0,
                                ProcStat.cpuMillis(instance.pid()) / 1000.0,
                                instance.residentKilobytes() / 1024));
                    }
                    System.out.println(line);
                    lines.add(line.toString());
                    assertEquals(scale.size(), shop.instances().size());
                } finally {
                    shop.close();
                }
            }
            deleteRecursively(data);
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
