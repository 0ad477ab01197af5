package dev.storefront.order;

import dev.storefront.local.infra.PackagedApp;
import dev.storefront.local.infra.ServiceJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A packaged service running as its own process, as in production (its JVM, or its native executable after
 * {@code -Pnative}); tests stop and start it to cause an outage.
 */
public final class ServiceProcess {
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1");

    private final String name;
    private final Path module;
    private final Map<String, String> environment;
    private final int port;
    private final int managementPort;
    private final Path log;
    private ServiceJvm jvm;

    /**
     * The service {@code name}, as its build in the repository packaged it ({@link PackagedApp}), with its API on {@code port} and its management interface (readiness) on {@code managementPort}.
     */
    ServiceProcess(
            String name, Path repositoryRoot, Map<String, String> environment, int port, int managementPort, Path log) {
        this.name = name;
        this.module = repositoryRoot.resolve(name);
        this.environment = environment;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the JVM's output (its console log) goes. */
    public Path log() {
        return log;
    }

    public synchronized void start() {
        if (jvm != null && jvm.isAlive()) {
            return;
        }
        jvm = ServiceJvm.start(name, PackagedApp.of(module), JVM_OPTIONS, environment, port, managementPort, log);
        try {
            jvm.awaitReady(Duration.ofSeconds(120));
        } catch (IllegalStateException e) {
            jvm.stop(Duration.ofSeconds(20));
            throw e;
        }
    }

    /** Stops the JVM and waits until it is gone. */
    public synchronized void stop() {
        if (jvm != null) {
            jvm.stop(Duration.ofSeconds(20));
        }
    }
}
