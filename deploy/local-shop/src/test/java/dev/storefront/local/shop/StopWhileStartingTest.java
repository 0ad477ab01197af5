package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.RepositoryRoot;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./shop}'s shutdown hook does when Ctrl-C comes while the services are still starting: everything started
 * so far stops, nothing started later is left running, and the start fails. Before, the hook was registered only once
 * the shop was ready, so the service JVMs outlived {@code ./shop} and held its ports.
 */
class StopWhileStartingTest {

    @Test
    void stoppingWhileTheServicesStartLeavesNothingRunning() throws Exception {
        Map<ShopService, Integer> scale = new EnumMap<>(ShopService.class);
        for (ShopService service : ShopService.values()) {
            scale.put(service, 1);
        }
        int edgePort = FreePort.pick();
        int postgresPort = FreePort.pick();
        int s3Port = FreePort.pick();
        LocalShop.Layout layout = new LocalShop.Layout(
                RepositoryRoot.find(),
                Files.createTempDirectory("local-shop-stop-test-"),
                edgePort,
                postgresPort,
                s3Port,
                false);
        AtomicReference<LocalShop> starting = new AtomicReference<>();
        CompletableFuture<LocalShop> start = CompletableFuture.supplyAsync(
                () -> LocalShop.start(layout, scale, true, ServiceInstance.Jit.QUICK_START, starting::set));

        // Stop once the first service JVM has been launched, long before any is ready.
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (starting.get() == null || starting.get().instances().isEmpty()) {
            assertFalse(start.isDone(), "the start ended before a service was launched");
            assertTrue(Instant.now().isBefore(deadline), "no service was launched within 3 minutes");
            Thread.sleep(50);
        }
        LocalShop shop = starting.get();
        shop.stopWhileStarting(Duration.ofMinutes(1));

        ExecutionException failed = assertThrows(ExecutionException.class, () -> start.get(1, TimeUnit.MINUTES));
        assertTrue(failed.getCause() instanceof RuntimeException, String.valueOf(failed.getCause()));
        for (ServiceInstance instance : shop.instances()) {
            assertFalse(instance.isAlive(), instance.name() + " still runs");
        }
        for (int port : new int[] {edgePort, postgresPort, s3Port}) {
            assertTrue(FreePort.isFree(port), "port " + port + " is still taken");
        }
    }
}
