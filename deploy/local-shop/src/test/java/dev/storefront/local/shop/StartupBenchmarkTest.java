package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.storefront.local.infra.CatalogDocuments;
import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.ProcStat;
import dev.storefront.local.infra.RepositoryRoot;
import dev.storefront.local.infra.S3ClientConfig;
import dev.storefront.local.infra.ServiceJvm;
import dev.storefront.local.infra.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Start-up of each packaged service, alone, against a real PostgreSQL and S3 API on loopback: time from process start
 * to {@code /q/health/ready} answering 200 (on the management port), resident memory right then, and resident memory
 * and throughput after a short bounded load of real requests ({@link StartupLoad}). Every {@link StartupVariant} (JDK,
 * flags, AppCDS archive, AOT cache) runs interleaved with the others, round by round, so they share whatever else the
 * machine is doing.
 *
 * <p>Not part of the build: {@code ./mvnw -B -pl deploy/local-shop test -Dgroups=benchmark -DexcludedGroups=none}
 * after {@code ./mvnw -B -DskipTests package}. Knobs (system properties): {@code startup.rounds} (3),
 * {@code startup.services} (account,cart,order,catalog), {@code startup.variants} (all), {@code startup.warmup} and
 * {@code startup.measure} (seconds of load, 5 and 5; 0 skips the load), {@code startup.jdk25} (the JDK 25 home),
 * {@code startup.root} (where {@code <module>/target/quarkus-app} is; the repository), {@code startup.jre} and
 * {@code startup.jre-cds} (jlinked JREs for the variants of those names), {@code startup.jvm-options} (added to every
 * start, e.g. a flight recording), {@code startup.threads} (true: print each start's CPU to ready by thread).
 */
@Tag("benchmark")
class StartupBenchmarkTest {
    static final String BUCKET = "storefront-pages";
    /**
     * catalog-publisher's own bucket: its full publish prunes product documents it did not render, which would take away
     * the product the cart-service load puts in carts.
     */
    static final String CATALOG_BUCKET = "storefront-pages-publisher";

    /** {@code startup.ready-timeout} seconds (120): longer on a machine shared with other work. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Integer.getInteger("startup.ready-timeout", 120));

    private static final Path WORK = Path.of("target", "startup-benchmark").toAbsolutePath();
    /** What HotSpot prints when it cannot use an AppCDS archive or AOT cache (it then starts without it). */
    private static final Pattern ARCHIVE_REJECTED =
            Pattern.compile("(?i)unable to (use|map)|an error has occurred while processing|mismatch");

    private static LocalPostgres postgres;
    private static LocalS3 s3;
    private static S3Client s3Client;
    private static HttpServer jwks;
    private static String sku;

    @BeforeAll
    static void startInfrastructure() throws IOException {
        postgres = LocalPostgres.startTransient();
        s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);
        s3.ensureBucket(CATALOG_BUCKET);
        s3Client = s3.client();
        sku = new CatalogDocuments(s3Client, BUCKET).publish(CatalogDocuments.newSku(), 1999);
        // account-service's JWKS, as the others fetch it; account-service itself signs with the same key.
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.pick()), 0);
        byte[] keys = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
    }

    @AfterAll
    static void stopInfrastructure() {
        if (jwks != null) {
            jwks.stop(0);
        }
        if (s3Client != null) {
            s3Client.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void startEachServiceAlone() throws Exception {
        int rounds = Integer.getInteger("startup.rounds", 3);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("startup.warmup", 5));
        Duration measure = Duration.ofSeconds(Integer.getInteger("startup.measure", 5));
        // Where <module>/target/quarkus-app lives: a copy (cp -a, so the AppCDS archive still matches) keeps the
        // benchmark going while a build rewrites the repository's own.
        Path root =
                Path.of(System.getProperty("startup.root", RepositoryRoot.find().toString()));
        List<ShopService> services = selected("startup.services", "account,cart,order,catalog").stream()
                .map(name -> ShopService.byShortName(name)
                        .orElseThrow(() -> new IllegalArgumentException("No service " + name)))
                .toList();
        List<StartupVariant> variants = StartupVariant.selected(
                selected("startup.variants", String.join(",", StartupVariant.NAMES)),
                Path.of(System.getProperty("startup.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64")));
        variants = variants.stream()
                .filter(variant -> {
                    List<Path> missing = services.stream()
                            .flatMap(service -> variant.missing(service, root).stream())
                            .toList();
                    if (!missing.isEmpty()) {
                        System.out.println("Skipping " + variant.name() + ": missing " + missing);
                    }
                    return missing.isEmpty();
                })
                .toList();
        deleteRecursively(WORK.resolve("logs"));
        Files.createDirectories(WORK);

        StartupResults results = new StartupResults();
        String loadBefore = loadAverage();
        for (ShopService service : services) {
            // Migrations (and catalog-publisher's sample catalog) happen on this first start; a new task in
            // production starts against a migrated schema, like every measured start below.
            Sample prime = startOnce(service, StartupVariant.baseline(), root, Duration.ZERO, Duration.ZERO, "prime");
            System.out.printf("%s: first start (migrations) %d ms%n", service.moduleName(), prime.readyMillis());
            for (StartupVariant variant : variants) {
                variant.prepare(service, root, WORK, archive -> {
                    Sample training = startOnce(service, variant.training(archive), root, warmup, measure, "train");
                    System.out.printf(
                            "%s/%s: training run %d ms to ready, archive %d MB%n",
                            service.moduleName(), variant.name(), training.readyMillis(), sizeMegabytes(archive));
                });
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (ShopService service : services) {
                for (StartupVariant variant : variants) {
                    Sample sample = startOnce(service, variant, root, warmup, measure, "r" + round);
                    results.add(service, variant, sample);
                    System.out.printf("round %d %s/%s: %s%n", round, service.moduleName(), variant.name(), sample);
                }
            }
            Files.writeString(WORK.resolve("results.md"), results.table());
        }
        String loadAfter = loadAverage();

        System.out.println();
        System.out.printf(
                "Start-up benchmark, %s, %d cores, %d rounds, load %ds + %ds; load average before: %s, after: %s%n",
                LocalDateTime.now().withNano(0),
                Runtime.getRuntime().availableProcessors(),
                rounds,
                warmup.toSeconds(),
                measure.toSeconds(),
                loadBefore,
                loadAfter);
        variants.forEach(v -> System.out.printf("  %-10s %s%n", v.name(), v.describe()));
        System.out.println(results.table());
        Files.writeString(WORK.resolve("results.md"), results.table());
        assertTrue(results.size() > 0, "nothing was measured");
    }

    private static Sample startOnce(
            ShopService service, StartupVariant variant, Path root, Duration warmup, Duration measure, String tag) {
        Path jar = variant.jar(service, root);
        assertTrue(Files.isRegularFile(jar), jar + " is missing; build first: ./mvnw -B -DskipTests package");
        int port = FreePort.pick();
        int managementPort = FreePort.pick();
        Path log = WORK.resolve("logs").resolve(service.moduleName() + "-" + variant.name() + "-" + tag + ".log");
        Map<String, String> env = environment(service);
        env.putAll(variant.environment());
        List<String> options = new ArrayList<>(variant.options(service, root));
        options.addAll(extraOptions(service.moduleName() + "-" + variant.name() + "-" + tag));
        ServiceJvm jvm =
                ServiceJvm.start(service.moduleName(), variant.java(), jar, options, env, port, managementPort, log);
        try {
            long readyMillis = jvm.awaitReady(READY_TIMEOUT).toMillis();
            long rssReady = jvm.residentKilobytes();
            long cpuReady = ProcStat.cpuMillis(jvm.pid());
            if (Boolean.getBoolean("startup.threads")) {
                System.out.printf(
                        "%s/%s %s: CPU to ready by thread: %s%n",
                        service.moduleName(), variant.name(), tag, cpuByThread(jvm.pid()));
            }
            StartupLoad.Result load = StartupLoad.of(service, jvm.url(), sku).run(warmup, measure);
            long rssLoaded = warmup.isZero() && measure.isZero() ? -1 : jvm.residentKilobytes();
            return new Sample(
                    readyMillis,
                    cpuReady,
                    rssReady,
                    rssLoaded,
                    load.requestsPerSecond(),
                    load.errors(),
                    archiveWarnings(log));
        } catch (Exception e) {
            throw new IllegalStateException(service.moduleName() + "/" + variant.name() + " failed; see " + log, e);
        } finally {
            jvm.stop(variant.stopGrace());
        }
    }

    /**
     * {@code startup.jvm-options}: options added to every start (space-separated), {@code {run}} in them replaced by
     * service-variant-round, e.g. {@code -XX:StartFlightRecording=filename=target/jfr/{run}.jfr} to see where the CPU
     * to ready goes ({@code jfr print --events jdk.ExecutionSample}).
     */
    private static List<String> extraOptions(String run) {
        return Arrays.stream(System.getProperty("startup.jvm-options", "").split(" "))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(option -> option.replace("{run}", run))
                .toList();
    }

    /** What the local shop gives each service (cf. LocalShop.environment), with account-service's key shared. */
    private static Map<String, String> environment(ShopService service) {
        Credentials db = postgres.credentials(service.database());
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", db.jdbcUrl());
        env.put("DB_USER", db.username());
        env.put("DB_PASSWORD", db.password());
        env.put("JWT_JWKS_URL", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (service.usesBucket()) {
            env.putAll(S3ClientConfig.environment(s3, service == ShopService.CATALOG ? CATALOG_BUCKET : BUCKET));
        }
        switch (service) {
            case ACCOUNT -> env.put("JWT_SIGNING_KEYS", TestTokens.signingKeysJson());
            case CATALOG -> env.put("CATALOG_SEED_SAMPLE", "true");
            case ORDER -> {
                // Not called by the load below (no checkout), but the service reads them.
                env.put("CART_SERVICE_URL", "http://127.0.0.1:1");
                env.put("ACCOUNT_SERVICE_URL", "http://127.0.0.1:1");
            }
            default -> {
                // no extra settings
            }
        }
        return env;
    }

    /**
     * CPU time (ms, user + system) per kind of thread so far, largest first: the JIT's compiler threads, the garbage
     * collector's, the main thread and so on ({@code /proc/<pid>/task/<tid>/stat}; digits in names are dropped so a
     * pool's threads add up).
     */
    private static Map<String, Long> cpuByThread(long pid) {
        Map<String, Long> byKind = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    byKind.merge(name, ProcStat.cpuMillis(stat), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() > 0)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Whether the JVM said it could not use its AppCDS archive or AOT cache. */
    private static boolean archiveWarnings(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> ARCHIVE_REJECTED.matcher(line).find());
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static List<String> selected(String property, String defaults) {
        return Arrays.stream(System.getProperty(property, defaults).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The 1, 5 and 15 minute load averages, for the benchmarks' reports. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static long sizeMegabytes(Path file) {
        try {
            return Files.size(file) / (1024 * 1024);
        } catch (IOException e) {
            return -1;
        }
    }

    /** One start: milliseconds to ready, RSS (KiB) at ready and after the load, the load's throughput and errors. */
    record Sample(
            long readyMillis,
            long cpuMillis,
            long rssReadyKb,
            long rssLoadedKb,
            double requestsPerSecond,
            long errors,
            boolean archiveWarnings) {
        @Override
        public String toString() {
            return String.format(
                    "ready %d ms (CPU %d ms), RSS %d MB, after load %d MB, %.0f req/s, %d errors%s",
                    readyMillis,
                    cpuMillis,
                    rssReadyKb / 1024,
                    rssLoadedKb / 1024,
                    requestsPerSecond,
                    errors,
                    archiveWarnings ? ", ARCHIVE REJECTED (see the log)" : "");
        }
    }

    /** Samples by service and variant, in the order first seen, rendered as one Markdown table. */
    static final class StartupResults {
        private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

        void add(ShopService service, StartupVariant variant, Sample sample) {
            samples.computeIfAbsent(service.moduleName() + "|" + variant.name(), k -> new ArrayList<>())
                    .add(sample);
        }

        int size() {
            return samples.size();
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append("| Service | Variant | n | Ready median (min–max) | CPU to ready | RSS at ready | RSS after load"
                    + " | Load req/s | Errors | Archive rejected |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            samples.forEach((key, list) -> {
                String[] parts = key.split("\\|");
                long[] ready =
                        list.stream().mapToLong(Sample::readyMillis).sorted().toArray();
                out.append(String.format(
                        "| %s | %s | %d | %.2f s (%.2f–%.2f) | %.2f s | %d MB | %s | %s | %d | %d |%n",
                        parts[0],
                        parts[1],
                        list.size(),
                        median(ready) / 1000.0,
                        ready[0] / 1000.0,
                        ready[ready.length - 1] / 1000.0,
                        median(list.stream()
                                        .mapToLong(Sample::cpuMillis)
                                        .sorted()
                                        .toArray())
                                / 1000.0,
                        median(list.stream()
                                        .mapToLong(Sample::rssReadyKb)
                                        .sorted()
                                        .toArray())
                                / 1024,
                        list.get(0).rssLoadedKb() < 0
                                ? "–"
                                : (median(list.stream()
                                                        .mapToLong(Sample::rssLoadedKb)
                                                        .sorted()
                                                        .toArray())
                                                / 1024)
                                        + " MB",
                        list.get(0).rssLoadedKb() < 0
                                ? "–"
                                : Long.toString(median(list.stream()
                                        .mapToLong(s -> Math.round(s.requestsPerSecond()))
                                        .sorted()
                                        .toArray())),
                        list.stream().mapToLong(Sample::errors).sum(),
                        list.stream().filter(Sample::archiveWarnings).count()));
            });
            return out.toString();
        }

        private static long median(long[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    static String uniqueEmail() {
        return "bench-" + UUID.randomUUID() + "@example.test";
    }
}
