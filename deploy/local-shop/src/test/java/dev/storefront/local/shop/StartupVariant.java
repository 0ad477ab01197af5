package dev.storefront.local.shop;

import dev.storefront.local.infra.ServiceJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One way of starting a service's JVM in {@link StartupBenchmarkTest}: which {@code java}, which flags, whether it uses
 * the AppCDS archive the build left beside the jar, and whether it uses a JDK 25 AOT cache made by a training run
 * (JEP 483/514/515: {@code -XX:AOTCacheOutput} while the service starts and serves the benchmark's load, written when
 * it stops).
 */
final class StartupVariant {
    static final List<String> NAMES = List.of(
            "baseline",
            "appcds",
            "small",
            "small-c1",
            "shop",
            "shop-quick",
            "jdk25",
            "jdk25-aot",
            "jdk25-aotjar",
            "jre",
            "jre-cds");

    /** The local shop's flags before start-up work began (ServiceInstance). */
    private static final List<String> SHOP_FLAGS =
            List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
    /** Same heap ceiling, but start small and give memory back; smaller thread stacks. */
    private static final List<String> SMALL_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xms16m",
            "-Xmx256m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-Xss512k",
            "-XX:+ExitOnOutOfMemoryError");
    /** glibc otherwise keeps up to 8 malloc arenas per core, each holding on to freed memory. */
    private static final Map<String, String> SMALL_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    private final String name;
    private final String java;
    private final List<String> flags;
    private final Map<String, String> environment;
    private final boolean appCds;
    private final boolean aotCache;
    private final String appDirectory;
    private final Map<ShopService, Path> caches = new HashMap<>();
    private final Path trainingOutput;

    private StartupVariant(
            String name,
            String java,
            List<String> flags,
            Map<String, String> environment,
            boolean appCds,
            boolean aotCache,
            String appDirectory,
            Path trainingOutput) {
        this.name = name;
        this.java = java;
        this.flags = flags;
        this.environment = environment;
        this.appCds = appCds;
        this.aotCache = aotCache;
        this.appDirectory = appDirectory;
        this.trainingOutput = trainingOutput;
    }

    static StartupVariant baseline() {
        return new StartupVariant(
                "baseline", ServiceJvm.javaExecutable(), SHOP_FLAGS, Map.of(), false, false, "quarkus-app", null);
    }

    /** The variants named, in the order given; JDK 25 ones only when {@code jdk25} holds a JDK. */
    static List<StartupVariant> selected(List<String> names, Path jdk25) {
        String java = ServiceJvm.javaExecutable();
        String java25 = jdk25.resolve("bin").resolve("java").toString();
        List<StartupVariant> variants = new ArrayList<>();
        for (String name : names) {
            StartupVariant variant =
                    switch (name) {
                        case "baseline" -> baseline();
                        case "appcds" ->
                            new StartupVariant(name, java, SHOP_FLAGS, Map.of(), true, false, "quarkus-app", null);
                        case "small" ->
                            new StartupVariant(name, java, SMALL_FLAGS, SMALL_ENV, false, false, "quarkus-app", null);
                        case "small-c1" ->
                            new StartupVariant(
                                    name,
                                    java,
                                    plus(SMALL_FLAGS, "-XX:TieredStopAtLevel=1"),
                                    SMALL_ENV,
                                    false,
                                    false,
                                    "quarkus-app",
                                    null);
                        // What the local shop runs each service with now: ./shop --throughput, and ./shop.
                        case "shop" ->
                            new StartupVariant(
                                    name,
                                    java,
                                    ServiceInstance.jvmOptions(ServiceInstance.Jit.FULL),
                                    Map.of(),
                                    false,
                                    false,
                                    "quarkus-app",
                                    null);
                        case "shop-quick" ->
                            new StartupVariant(
                                    name,
                                    java,
                                    ServiceInstance.jvmOptions(ServiceInstance.Jit.QUICK_START),
                                    Map.of(),
                                    false,
                                    false,
                                    "quarkus-app",
                                    null);
                        case "jdk25" ->
                            new StartupVariant(name, java25, SMALL_FLAGS, SMALL_ENV, false, false, "quarkus-app", null);
                        case "jdk25-aot" ->
                            new StartupVariant(name, java25, SMALL_FLAGS, SMALL_ENV, false, true, "quarkus-app", null);
                        // Quarkus's aot-jar packaging (classes on the application class path, which the AOT cache
                        // can hold; fast-jar loads them with its own class loader, which it cannot). Built with
                        // -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory=quarkus-app-aot.
                        case "jdk25-aotjar" ->
                            new StartupVariant(
                                    name, java25, SMALL_FLAGS, SMALL_ENV, false, true, "quarkus-app-aot", null);
                        // The images' runtime: a JRE jlinked as deploy/images' base-image.sh does, without and
                        // with --generate-cds-archive (-Dstartup.jre=<home>, -Dstartup.jre-cds=<home>).
                        case "jre", "jre-cds" ->
                            new StartupVariant(
                                    name,
                                    Path.of(System.getProperty("startup." + name, "/nonexistent"))
                                            .resolve("bin")
                                            .resolve("java")
                                            .toString(),
                                    SHOP_FLAGS,
                                    Map.of(),
                                    false,
                                    false,
                                    "quarkus-app",
                                    null);
                        default -> throw new IllegalArgumentException("No variant " + name + "; known: " + NAMES);
                    };
            if (!Files.isExecutable(Path.of(variant.java()))) {
                System.out.println("Skipping " + name + ": no " + variant.java() + " (see StartupVariant)");
                continue;
            }
            variants.add(variant);
        }
        return variants;
    }

    String name() {
        return name;
    }

    String java() {
        return java;
    }

    Map<String, String> environment() {
        return environment;
    }

    Path jar(ShopService service, Path root) {
        return root.resolve(service.moduleName())
                .resolve("target")
                .resolve(appDirectory)
                .resolve("quarkus-run.jar");
    }

    /** What this variant needs for {@code service} and does not find: the app, or its AppCDS archive. */
    List<Path> missing(ShopService service, Path root) {
        Path jar = jar(service, root);
        if (!Files.isRegularFile(jar)) {
            return List.of(jar);
        }
        Path archive = jar.resolveSibling(ServiceJvm.APPCDS_ARCHIVE);
        return appCds && !Files.isRegularFile(archive) ? List.of(archive) : List.of();
    }

    List<String> options(ShopService service, Path root) {
        List<String> options = new ArrayList<>(flags);
        if (appCds) {
            options.addAll(ServiceJvm.appCdsOptions(jar(service, root)));
        }
        if (aotCache) {
            options.add("-XX:AOTCache=" + caches.get(service));
        }
        if (trainingOutput != null) {
            options.add("-XX:AOTCacheOutput=" + trainingOutput);
        }
        return options;
    }

    /** Writing the AOT cache at exit takes a while (a second JVM assembles it); other JVMs stop at once. */
    Duration stopGrace() {
        return trainingOutput != null ? Duration.ofSeconds(180) : Duration.ofSeconds(30);
    }

    /** For an AOT variant: runs {@code training} once per service to make its cache under {@code work}. */
    void prepare(ShopService service, Path root, Path work, Consumer<Path> training) {
        if (!aotCache) {
            return;
        }
        Path cache = work.resolve("aot").resolve(service.moduleName() + "-" + name + ".aot");
        try {
            Files.createDirectories(cache.getParent());
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        training.accept(cache);
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("The training run of " + service.moduleName() + " left no " + cache);
        }
        caches.put(service, cache);
    }

    /** The same JVM, recording: it writes an AOT cache to {@code cache} when it exits. */
    StartupVariant training(Path cache) {
        return new StartupVariant(name + "-training", java, flags, environment, false, false, appDirectory, cache);
    }

    String describe() {
        String jdk = java.equals(ServiceJvm.javaExecutable()) ? "JDK " + Runtime.version() : java;
        return jdk + ", " + String.join(" ", flags)
                + (environment.isEmpty() ? "" : ", env " + environment)
                + (appCds ? ", AppCDS archive beside the jar" : "")
                + (aotCache ? ", AOT cache from a training run" : "")
                + ", " + appDirectory;
    }

    private static List<String> plus(List<String> list, String extra) {
        List<String> out = new ArrayList<>(list);
        out.add(extra);
        return List.copyOf(out);
    }
}
