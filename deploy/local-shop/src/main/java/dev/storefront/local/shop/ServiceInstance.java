package dev.storefront.local.shop;

import dev.storefront.local.infra.ServiceJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One running instance of a service: a separate JVM, like one Fargate task. */
final class ServiceInstance {
    /**
     * Sized for throughput under load rather than the smallest footprint: with 256 MB and the serial collector the old
     * generation of a busy order-service ran full and the checkout benchmark spent its time collecting (measured: 43 →
     * 52 orders/s with the parallel collector and 512 MB alone; docs/performance.md). A fixed 256 MB young generation
     * makes a busy order-service collect every 3.5 s instead of every 1.2 s (pauses 4–15 ms), and a first metaspace
     * threshold of 128 MB spares it the three to four full collections of 0.2–0.5 s that class loading set off during
     * its first 100 s (both read from {@code -Xlog:gc} under the checkout benchmark, 2026-12-02).
     */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseParallelGC",
            "-Xms512m",
            "-Xmx512m",
            "-Xmn256m",
            "-XX:MetaspaceSize=128m",
            "-XX:+ExitOnOutOfMemoryError");

    /**
     * Which JIT compilers a service's JVM uses. Until it is ready, a service's compiler threads take about as much CPU as
     * its main thread (docs/performance.md, start-up): with C1 only, four services starting at once on two cores need
     * about a third less CPU, but C1's code is slower under sustained load, so benchmarks and load tests ask for both.
     */
    enum Jit {
        /** C1 only ({@code -XX:TieredStopAtLevel=1}): {@code ./shop} without {@code --throughput}. */
        QUICK_START(List.of("-XX:TieredStopAtLevel=1")),
        /** Both tiers, C2 for hot code, as in production: {@code ./shop --throughput} and the stack's tests. */
        FULL(List.of());

        private final List<String> options;

        Jit(List<String> options) {
            this.options = options;
        }
    }

    private final ShopService service;
    private final int instance;
    private final ServiceJvm jvm;
    private volatile Duration startToReady;

    private ServiceInstance(ShopService service, int instance, ServiceJvm jvm) {
        this.service = service;
        this.instance = instance;
        this.jvm = jvm;
    }

    /**
     * Starts the packaged app with {@code environment}, its API on {@code port} and its management interface on
     * {@code managementPort}, with the JIT compilers {@code jit}; its output goes to {@code logDirectory}.
     */
    static ServiceInstance start(
            ShopService service,
            int instance,
            int port,
            int managementPort,
            Path jar,
            Map<String, String> environment,
            Path logDirectory,
            Jit jit) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing. Build first: ./mvnw -DskipTests package (./shop does this unless --no-build)");
        }
        String name = service.moduleName() + "#" + instance;
        Path log = logDirectory.resolve(service.moduleName() + "-" + instance + ".log");
        List<String> options = new ArrayList<>(jvmOptions(jit));
        options.addAll(ServiceJvm.appCdsOptions(jar));
        return new ServiceInstance(
                service, instance, ServiceJvm.start(name, jar, options, environment, port, managementPort, log));
    }

    /** The flags every instance's JVM gets with {@code jit} (the start-up benchmark's variants {@code shop*} too). */
    static List<String> jvmOptions(Jit jit) {
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(jit.options);
        return List.copyOf(options);
    }

    /** Waits until {@code /q/health/ready} answers 200 on the management port, or fails with the log's location. */
    void awaitReady(Duration timeout) {
        startToReady = jvm.awaitReady(timeout);
    }

    /** Asks the JVM to shut down gracefully (SIGTERM), then kills it if it does not within the grace period. */
    void stop(Duration grace) {
        jvm.stop(grace);
    }

    /** Kills the instance without a graceful shutdown, like a task that dies (kill -9). */
    void kill() {
        jvm.kill();
    }

    /** Whether the instance answers {@code /q/health/ready} with 200 on its management port now. */
    boolean isReady() {
        return jvm.isReady();
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    ShopService service() {
        return service;
    }

    int number() {
        return instance;
    }

    int port() {
        return jvm.port();
    }

    /** Where {@code /q/health}, {@code /q/metrics} and {@code /q/openapi} are: not on {@link #port()}. */
    int managementPort() {
        return jvm.managementPort();
    }

    long pid() {
        return jvm.pid();
    }

    Path log() {
        return jvm.log();
    }

    Duration startToReady() {
        return startToReady;
    }

    /** Resident memory in KiB from /proc, or -1 where that is not available. */
    long residentKilobytes() {
        return jvm.residentKilobytes();
    }

    String name() {
        return service.moduleName() + "#" + instance;
    }
}
