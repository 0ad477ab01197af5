package dev.storefront.order;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged service running as its own JVM, as in production; tests stop and start it to cause an outage. */
public final class ServiceProcess {
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;

    /** The service {@code name}, packaged in the repository as {@code <name>/target/quarkus-app/quarkus-run.jar}. */
    ServiceProcess(String name, Path repositoryRoot, Map<String, String> environment, int port, Path log) {
        this.name = name;
        this.jar = repositoryRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.environment = environment;
        this.port = port;
        this.log = log;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing; build " + name + " first (./mvnw -pl " + name + " package -DskipTests)");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            javaExecutable(),
                            "-XX:+UseSerialGC",
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        awaitReady(Duration.ofSeconds(120));
    }

    /** Stops the JVM and waits until it is gone. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (PROBE.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
