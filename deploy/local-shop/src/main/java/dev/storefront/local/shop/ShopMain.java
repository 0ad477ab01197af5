package dev.storefront.local.shop;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.RepositoryRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./shop}: runs the whole shop locally until Ctrl-C. One shop per data folder (a file lock, released by the OS
 * even if the JVM dies, so there is never a stale lock to clean up).
 */
public final class ShopMain {
    private static volatile boolean stopping;

    private ShopMain() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        ShopOptions options;
        try {
            options = ShopOptions.parse(args, RepositoryRoot.find());
        } catch (IllegalArgumentException e) {
            System.err.println("shop: " + e.getMessage() + "\n\n" + ShopOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(ShopOptions.USAGE);
            return;
        }
        try {
            if (!options.accountCommand().isEmpty()) {
                System.exit(runAccountCommand(options));
            }
            run(options, out);
        } catch (IllegalStateException | IOException e) {
            System.err.println("shop: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(ShopOptions options, PrintStream out) throws IOException {
        Path data = options.dataDirectory();
        Files.createDirectories(data);
        try (FileChannel lockFile = FileChannel.open(
                        data.resolve("shop.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another ./shop is already running with the data folder " + data);
            }
            if (options.reset()) {
                reset(data, out);
            }
            checkPortsFree(options);
            Instant begin = Instant.now();
            out.println("Starting the shop (data in " + data + ") ...");
            LocalShop shop = LocalShop.start(
                    new LocalShop.Layout(
                            RepositoryRoot.find(),
                            data,
                            options.edgePort(),
                            options.postgresPort(),
                            options.s3Port(),
                            true),
                    options.scale(),
                    false,
                    options.throughput() ? ServiceInstance.Jit.FULL : ServiceInstance.Jit.QUICK_START,
                    // Before anything starts: Ctrl-C while the services start stops what has started, too.
                    starting -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        stopping = true;
                        out.println("\nStopping the shop ...");
                        starting.stopWhileStarting(Duration.ofSeconds(30));
                        out.println("Stopped.");
                    })));
            printSummary(shop, options, Duration.between(begin, Instant.now()), out);
            watch(shop, out);
        }
    }

    /**
     * {@code ./shop grant-admin EMAIL}: the operator's command of account-service, over the shop's database. The shop
     * must be stopped: PostgreSQL gives the service roles fresh passwords on every start, so only the process that
     * starts it can log in as account-service.
     */
    private static int runAccountCommand(ShopOptions options) throws IOException {
        Path data = options.dataDirectory();
        Files.createDirectories(data);
        try (FileChannel lockFile = FileChannel.open(
                        data.resolve("shop.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(
                        "The shop is running with the data folder " + data + "; stop it " + "(Ctrl-C), run ./shop "
                                + String.join(" ", options.accountCommand()) + " again, then start it");
            }
            return AccountCommand.run(RepositoryRoot.find(), data, options.postgresPort(), options.accountCommand());
        }
    }

    /** Reports instances that die while the shop runs; the edge routes around them. */
    private static void watch(LocalShop shop, PrintStream out) {
        Map<ServiceInstance, Boolean> reported = new LinkedHashMap<>();
        while (!stopping) {
            for (ServiceInstance instance : shop.instances()) {
                if (!stopping && !instance.isAlive() && reported.putIfAbsent(instance, true) == null) {
                    out.println("! " + instance.name() + " stopped; see " + instance.log());
                }
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void checkPortsFree(ShopOptions options) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("the edge (--port)", options.edgePort());
        wanted.put("PostgreSQL (--pg-port)", options.postgresPort());
        wanted.put("the S3 API (--s3-port)", options.s3Port());
        options.scale().forEach((service, count) -> {
            for (int i = 1; i <= count; i++) {
                wanted.put(service.moduleName() + " #" + i, service.port(i));
                wanted.put(service.moduleName() + " #" + i + " (management)", service.managementPort(i));
            }
        });
        wanted.forEach((what, port) -> {
            if (!FreePort.isFree(port)) {
                throw new IllegalStateException("Port " + port + " is already in use, so " + what
                        + " cannot start. Stop whatever uses it, or pick other ports (./shop --help).");
            }
        });
    }

    private static void reset(Path data, PrintStream out) throws IOException {
        out.println("Resetting " + data + " (database, bucket, keys, logs) ...");
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(data) && !p.getFileName().toString().equals("shop.lock"))
                    .forEach(p -> p.toFile().delete());
        }
    }

    private static void printSummary(LocalShop shop, ShopOptions options, Duration took, PrintStream out) {
        String url = "http://localhost:" + shop.edgePort();
        out.println();
        out.println(
                "The shop is ready at " + url + "/   (all services ready in " + took.toMillis() / 100 / 10.0 + " s)");
        out.println();
        out.printf(
                "  %-22s %-36s %6s %6s %8s %7s %7s  %s%n",
                "service", "serves", "port", "mgmt", "pid", "ready", "RSS", "log");
        for (ServiceInstance instance : shop.instances()) {
            out.printf(
                    "  %-22s %-36s %6d %6d %8d %6.1fs %5dMB  %s%n",
                    instance.name(),
                    url + instance.service().routePrefix(),
                    instance.port(),
                    instance.managementPort(),
                    instance.pid(),
                    instance.startToReady().toMillis() / 1000.0,
                    instance.residentKilobytes() / 1024,
                    instance.log());
        }
        out.println();
        out.println("  PostgreSQL  jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/storefront");
        out.println("  S3 API      " + shop.s3().endpoint() + " (bucket " + LocalShop.BUCKET + ")");
        out.println("  Management  http://127.0.0.1:<mgmt port>/q/health, /q/metrics, /q/openapi, /q/swagger-ui");
        out.println();
        out.println("Press Ctrl-C to stop. Data is kept in " + options.dataDirectory() + " (./shop --reset wipes it).");
    }
}
