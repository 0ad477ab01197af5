package dev.storefront.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman CLI, one bounded call at a time. Every call runs with a containers.conf that picks runc and sane ulimits
 * (crun and podman's defaults do not work on every CI machine), unless {@code CONTAINERS_CONF} is already set.
 */
final class Podman {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path containersConf;

    private Podman(Path containersConf) {
        this.containersConf = containersConf;
    }

    /** True when a podman executable answers {@code podman --version} on this machine. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("podman", "--version")
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A podman whose calls read {@code CONTAINERS_CONF} from the environment, or else a file written in {@code dir}. */
    static Podman withConfigIn(Path dir) {
        if (System.getenv("CONTAINERS_CONF") != null) {
            return new Podman(null);
        }
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("containers.conf");
            Files.writeString(conf, """
                    [containers]
                    default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]

                    [engine]
                    runtime = "runc"
                    """);
            return new Podman(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code podman args...} and returns its output, failing on a non-zero exit or after 60 s. */
    String run(String... args) {
        return run(DEFAULT_TIMEOUT, args);
    }

    String run(Duration timeout, String... args) {
        Result result = attempt(timeout, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "podman " + String.join(" ", args) + " exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    /** Runs {@code podman args...} and returns exit code and output; a timeout kills the call and counts as -1. */
    Result attempt(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (containersConf != null) {
            builder.environment().put("CONTAINERS_CONF", containersConf.toString());
        }
        try {
            Path output = Files.createTempFile("podman-", ".out");
            try {
                Process process = builder.redirectOutput(output.toFile()).start();
                boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!exited) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                return new Result(exited ? process.exitValue() : -1, text);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    record Result(int exitCode, String output) {}
}
