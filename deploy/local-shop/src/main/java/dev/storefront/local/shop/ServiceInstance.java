package dev.storefront.local.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One running instance of a service: a separate JVM, like one Fargate task. */
final class ServiceInstance {
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ShopService service;
    private final int instance;
    private final int port;
    private final Path log;
    private final Process process;
    private final Instant startedAt;
    private volatile Duration startToReady;

    private ServiceInstance(ShopService service, int instance, int port, Path log, Process process, Instant startedAt) {
        this.service = service;
        this.instance = instance;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedAt = startedAt;
    }

    /** Starts the packaged app with {@code environment}; its output goes to {@code logDirectory}. */
    static ServiceInstance start(
            ShopService service, int instance, int port, Path jar, Map<String, String> environment, Path logDirectory) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing. Build first: ./mvnw -DskipTests package (./shop does this unless --no-build)");
        }
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(service.moduleName() + "-" + instance + ".log");
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(),
                    "-XX:+UseSerialGC",
                    "-Xms32m",
                    "-Xmx256m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-jar",
                    jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            Instant startedAt = Instant.now();
            return new ServiceInstance(service, instance, port, log, builder.start(), startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service.moduleName(), e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails with the log's location. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name() + " exited with code " + process.exitValue() + " during start-up; see " + log);
            }
            try {
                if (PROBE.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    startToReady = Duration.between(startedAt, Instant.now());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name(), e);
            }
            sleep(200);
        }
        throw new IllegalStateException(name() + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Asks the JVM to shut down gracefully (SIGTERM), then kills it if it does not within the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the instance without a graceful shutdown, like a task that dies (kill -9). */
    void kill() {
        process.destroyForcibly();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    ShopService service() {
        return service;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Duration startToReady() {
        return startToReady;
    }

    /** Resident memory in KiB from /proc, or -1 where that is not available. */
    long residentKilobytes() {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(-1L);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    String name() {
        return service.moduleName() + "#" + instance;
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
