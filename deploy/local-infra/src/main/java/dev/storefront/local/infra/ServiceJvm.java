package dev.storefront.local.infra;

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

/**
 * A service's packaged Quarkus app running as its own JVM (or native executable, see {@link PackagedApp}) on loopback,
 * the way one task runs it in production: started
 * with its environment, its API on one port and its management interface ({@code /q/health}, {@code /q/metrics}) on
 * another, ready once {@code /q/health/ready} answers 200 there, stopped with SIGTERM. Used by the local shop and by
 * tests that need a real neighbouring service.
 */
public final class ServiceJvm {
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    /** Short enough not to blur a start-up of about a second; the probe itself is one loopback request. */
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(25);
    /** Where {@code quarkus.package.jar.appcds.enabled} leaves the AppCDS archive: beside {@code quarkus-run.jar}. */
    public static final String APPCDS_ARCHIVE = "app-cds.jsa";

    private final String name;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private final Instant startedAt;

    private ServiceJvm(String name, int port, int managementPort, Path log, Process process, Instant startedAt) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
        this.startedAt = startedAt;
    }

    /**
     * Starts {@code jar} ({@code quarkus-run.jar}) with its API on 127.0.0.1:{@code port} and its management interface
     * on 127.0.0.1:{@code managementPort}, with the jar's directory as working directory (so relative paths in
     * {@code environment} would resolve there); its output is appended to {@code log}. Returns at once:
     * {@link #awaitReady} waits for it.
     */
    public static ServiceJvm start(
            String name,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> environment,
            int port,
            int managementPort,
            Path log) {
        return start(name, javaExecutable(), jar, jvmOptions, environment, port, managementPort, log);
    }

    /**
     * As {@link #start(String, Path, List, Map, int, int, Path)}, for whatever the build packaged: the jar on this JVM's
     * launcher, or the native executable (from its own directory, without {@code jvmOptions}).
     */
    public static ServiceJvm start(
            String name,
            PackagedApp app,
            List<String> jvmOptions,
            Map<String, String> environment,
            int port,
            int managementPort,
            Path log) {
        if (!app.nativeExecutable()) {
            return start(name, app.path(), jvmOptions, environment, port, managementPort, log);
        }
        Path executable = app.path().toAbsolutePath();
        return launch(
                name, List.of(executable.toString()), executable.getParent(), environment, port, managementPort, log);
    }

    /** As {@link #start(String, Path, List, Map, int, int, Path)}, on the {@code java} launcher given. */
    public static ServiceJvm start(
            String name,
            String java,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> environment,
            int port,
            int managementPort,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        // Run from the app's directory as `-jar quarkus-run.jar`, as the image does (/deployments): the AppCDS
        // archive records the class path relative to it, and a JVM started any other way cannot use it.
        command.addAll(List.of("-jar", jar.getFileName().toString()));
        return launch(name, command, jar.toAbsolutePath().getParent(), environment, port, managementPort, log);
    }

    private static ServiceJvm launch(
            String name,
            List<String> command,
            Path directory,
            Map<String, String> environment,
            int port,
            int managementPort,
            Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            log.toAbsolutePath().toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            Instant startedAt = Instant.now();
            return new ServiceJvm(name, port, managementPort, log, builder.start(), startedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Waits until {@code /q/health/ready} (management port) answers 200 and returns the time from start to ready;
     * fails, naming the log, when the JVM exits or {@code timeout} passes.
     */
    public Duration awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " exited with code " + process.exitValue() + " during start-up; see " + log);
            }
            if (isReady()) {
                return Duration.between(startedAt, Instant.now());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("Interrupted while waiting for " + name);
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
    }

    /**
     * Whether {@code /q/health/ready} answers 200 on the management port right now, as a load balancer's health check
     * asks.
     */
    public boolean isReady() {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return PROBE.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening (yet, or any more)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The option that makes the JVM use the AppCDS archive the build left beside {@code jar}, or none when there is
     * none. The archive is made by the JDK that ran the build; a JVM of another version or build ignores it with a
     * warning ({@code -Xshare:auto}, the default) and starts as without it.
     */
    public static List<String> appCdsOptions(Path jar) {
        Path archive = jar.toAbsolutePath().resolveSibling(APPCDS_ARCHIVE);
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /** Resident memory of the JVM in KiB ({@code VmRSS} from /proc), or -1 where that is not available. */
    public long residentKilobytes() {
        return ProcStat.residentKilobytes(process.pid());
    }

    /** Asks the JVM to shut down gracefully (SIGTERM), then kills it if it does not within {@code grace}. */
    public void stop(Duration grace) {
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

    /** Kills the JVM without a graceful shutdown, like a task that dies (kill -9). */
    public void kill() {
        process.destroyForcibly();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The port of the management interface: {@code /q/health}, {@code /q/metrics}, {@code /q/openapi}. */
    public int managementPort() {
        return managementPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    /** The java launcher of the running JVM, so every child runs on the same Java. */
    public static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
