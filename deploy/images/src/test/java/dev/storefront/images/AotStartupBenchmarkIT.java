package dev.storefront.images;

import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storefront.images.ServiceContainers.Container;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.ProcStat;
import dev.storefront.local.infra.ServiceDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up of the images with and without their AOT cache: each service's image started alone (podman, host network)
 * against a running PostgreSQL and S3 API, {@code rounds} times per variant, interleaved. Ready = the JVM process's
 * start to {@code /q/health/ready} answering 200; CPU = the JVM's user + system time until then; RSS = its {@code
 * VmRSS} then, and of that what is the process's own ({@code RssAnon}: heap, stacks, malloc) and what mapped files
 * ({@code RssFile}: the AOT cache, the JRE's modules and libraries), all read from {@code /proc} of the container's
 * process. {@code -Daot.flags} replaces the JVM options both variants start with (default: the training's). Runs only
 * on request (tag {@code benchmark}):
 *
 * <pre>
 * ./mvnw -B -pl deploy/images verify -Pimages -Dit.test=AotStartupBenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -DexcludedGroups=none [-Daot.rounds=3] [-Daot.services=account-service,cart-service] [-Daot.flags="-Xmx256m …"]
 * </pre>
 *
 * Prints a table and writes {@code target/aot-benchmark.md}.
 */
@Tag("benchmark")
class AotStartupBenchmarkIT {
    private static final Path IMAGES = Path.of(System.getProperty("images.directory", "target/images"));
    private static final int ROUNDS = Integer.getInteger("aot.rounds", 3);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    /** By default what the training ran with (AotTraining). */
    private static final String FLAGS = System.getProperty("aot.flags", "-Xmx256m -XX:+UseSerialGC");
    /** {@code -XX:AOTMode=off} makes the JVM ignore the image's cache. */
    private static final Map<String, String> VARIANTS =
            Map.of("aot-cache", FLAGS, "no-cache", FLAGS + " -XX:AOTMode=off");

    private record Start(double readySeconds, double cpuSeconds, long rssKb, long anonKb, long fileKb) {}

    @Test
    void startWithAndWithoutTheAotCache() throws Exception {
        assumeTrue(Podman.available(), "podman is not installed");
        assumeFalse(Boolean.getBoolean("images.native"), "native images have no JVM");
        Podman podman = Podman.withConfigIn(Path.of("target", "podman"));
        List<ServiceDatabase> services = new ArrayList<>();
        for (String name : System.getProperty(
                        "aot.services", "account-service,cart-service,order-service,catalog-publisher")
                .split(",")) {
            services.add(ServiceDatabase.require(name.strip()));
        }
        StringBuilder table =
                new StringBuilder("| Service | Variant | Ready (median, min–max) | CPU to ready (median) |"
                        + " RSS at ready (median): anon + file |\n|---|---|---|---|---|\n");
        List<String> loaded = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.startTransient();
                LocalS3 s3 = LocalS3.startTransient()) {
            s3.ensureBucket(ServiceContainers.BUCKET);
            ServiceContainers containers = new ServiceContainers(podman, postgres, s3);
            Map<ServiceDatabase, Integer> ports = new EnumMap<>(ServiceDatabase.class);
            for (ServiceDatabase service : ServiceDatabase.values()) {
                ports.put(service, FreePort.pick());
            }
            for (ServiceDatabase service : services) {
                String image = ServiceContainers.load(podman, IMAGES, service, Duration.ofSeconds(300));
                loaded.add(image);
                Map<String, List<Start>> starts = new java.util.TreeMap<>();
                for (int round = 0; round < ROUNDS; round++) {
                    for (Map.Entry<String, String> variant : new java.util.TreeMap<>(VARIANTS).entrySet()) {
                        Container container = new Container(
                                service,
                                "storefront-aot-bench-"
                                        + UUID.randomUUID().toString().substring(0, 8),
                                ports.get(service),
                                FreePort.pick());
                        containers.start(
                                container,
                                image,
                                containers.environment(container, ports, variant.getValue()),
                                List.of(),
                                List.of());
                        try {
                            Start start = awaitReady(podman, container);
                            starts.computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                                    .add(start);
                            System.out.printf(
                                    Locale.ROOT,
                                    "aot-benchmark: %s %s round %d: ready %.2f s, CPU %.2f s, RSS %d MB"
                                            + " (anon %d + file %d MB)%n",
                                    service.serviceName(),
                                    variant.getKey(),
                                    round + 1,
                                    start.readySeconds(),
                                    start.cpuSeconds(),
                                    start.rssKb() / 1024,
                                    start.anonKb() / 1024,
                                    start.fileKb() / 1024);
                        } finally {
                            podman.attempt(Duration.ofSeconds(60), "rm", "--force", "--time", "10", container.name());
                        }
                    }
                }
                starts.forEach((variant, list) -> table.append(row(service, variant, list)));
            }
        } finally {
            for (String image : loaded) {
                podman.attempt(Duration.ofSeconds(60), "rmi", "--force", image);
            }
        }
        String report = "Load average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).strip() + "\n\n" + table;
        System.out.println(report);
        Files.writeString(Path.of("target", "aot-benchmark.md"), report);
    }

    /** Polls readiness every 50 ms and reads the JVM's figures from /proc the moment it answers 200. */
    private static Start awaitReady(Podman podman, Container container) throws Exception {
        long pid = Long.parseLong(podman.run("inspect", "--format", "{{.State.Pid}}", container.name())
                .strip());
        HttpRequest ready = HttpRequest.newBuilder(container.managementUri("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (ServiceContainers.HTTP
                                .send(ready, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return read(pid);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(container.name() + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    /** Start-to-now, CPU and RSS of {@code pid}, from /proc (clock ticks of 1/100 s, as on every Linux/x86-64). */
    private static Start read(long pid) throws IOException {
        double uptime =
                Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): starttime is field 22
        double started = Long.parseLong(fields[19]) / 100.0;
        Map<String, Long> memory = ProcStat.statusKilobytes(pid);
        return new Start(
                uptime - started,
                ProcStat.cpuMillis(stat) / 1000.0,
                memory.getOrDefault("VmRSS", -1L),
                memory.getOrDefault("RssAnon", -1L),
                memory.getOrDefault("RssFile", -1L));
    }

    private static String row(ServiceDatabase service, String variant, List<Start> starts) {
        List<Double> ready = starts.stream().map(Start::readySeconds).sorted().toList();
        List<Double> cpu = starts.stream().map(Start::cpuSeconds).sorted().toList();
        Start medianRss = starts.stream()
                .sorted(Comparator.comparingLong(Start::rssKb))
                .toList()
                .get(starts.size() / 2);
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.2f s (%.2f–%.2f) | %.2f s | %d MB: %d + %d MB |%n",
                service.serviceName(),
                variant,
                median(ready),
                ready.get(0),
                ready.get(ready.size() - 1),
                median(cpu),
                medianRss.rssKb() / 1024,
                medianRss.anonKb() / 1024,
                medianRss.fileKb() / 1024);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
