package dev.storefront.images;

import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.S3ClientConfig;
import dev.storefront.local.infra.ServiceDatabase;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' containers run as ECS runs them, with podman on the host network against a local PostgreSQL and S3 API
 * and the environment variables the CDK app sets: shared by {@link ContainerSmokeIT}, which tests the images, and
 * {@link AotTraining}, which records their AOT caches.
 */
final class ServiceContainers {
    static final String BUCKET = "storefront-pages";
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Podman podman;
    private final LocalPostgres postgres;
    private final LocalS3 s3;

    /**
     * Loads {@code service}'s image tarball from {@code images} into podman; returns the image ID Jib recorded for it.
     */
    static String load(Podman podman, Path images, ServiceDatabase service, Duration timeout) throws IOException {
        Path tar = images.resolve(service.serviceName() + ".tar");
        if (!Files.isRegularFile(tar)) {
            throw new AssertionError(
                    tar + " is missing; `./mvnw verify` (or package -Pimages) in deploy/images builds it");
        }
        podman.run(timeout, "load", "--input", tar.toString());
        return Files.readString(images.resolve(service.serviceName() + ".id"))
                .strip()
                .replace("sha256:", "");
    }

    ServiceContainers(Podman podman, LocalPostgres postgres, LocalS3 s3) {
        this.podman = podman;
        this.postgres = postgres;
        this.s3 = s3;
    }

    /**
     * One running container: its name (unique per run) and the host ports it listens on, the API's and the management
     * interface's (health; 9000 in ECS, a free port here, as the containers share the host's network).
     */
    record Container(ServiceDatabase service, String name, int port, int managementPort) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        URI managementUri(String path) {
            return URI.create("http://127.0.0.1:" + managementPort + path);
        }
    }

    /**
     * What the CDK app gives each task, pointed at the local stand-ins (cf. LocalShop), with {@code javaOptions} as
     * {@code JAVA_TOOL_OPTIONS} (the task definition's heap setting goes there in ECS).
     */
    Map<String, String> environment(Container container, Map<ServiceDatabase, Integer> ports, String javaOptions) {
        ServiceDatabase service = container.service();
        Credentials db = postgres.credentials(service);
        String account = "http://127.0.0.1:" + ports.get(ServiceDatabase.ACCOUNT);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(container.port()));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(container.managementPort()));
        env.put("DB_URL", db.jdbcUrl());
        env.put("DB_USER", db.username());
        env.put("DB_PASSWORD", db.password());
        env.put("JWT_ISSUER", "storefront-accounts");
        env.put("JWT_JWKS_URL", account + "/api/accounts/jwks.json");
        env.put("JAVA_TOOL_OPTIONS", javaOptions);
        if (service != ServiceDatabase.ACCOUNT) {
            env.putAll(S3ClientConfig.environment(s3, BUCKET));
        }
        switch (service) {
            case ACCOUNT -> env.put("JWT_KEY_DIR", "/tmp/keys");
            case ORDERS -> {
                env.put("CART_SERVICE_URL", "http://127.0.0.1:" + ports.get(ServiceDatabase.CART));
                env.put("ACCOUNT_SERVICE_URL", account);
            }
            case CATALOG -> {
                env.put("CATALOG_SEED_SAMPLE", "true");
                env.put("CATALOG_PUBLISH_PARALLELISM", "4");
            }
            default -> {
                // nothing else
            }
        }
        return env;
    }

    /**
     * Starts {@code image} detached on the host network; {@code podmanOptions} go before the image (volumes, an
     * entrypoint), {@code command} after it.
     */
    void start(
            Container container,
            String image,
            Map<String, String> environment,
            List<String> podmanOptions,
            List<String> command) {
        List<String> args =
                new ArrayList<>(List.of("run", "--detach", "--name", container.name(), "--network", "host"));
        environment.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.addAll(podmanOptions);
        args.add(image);
        args.addAll(command);
        podman.run(args.toArray(String[]::new));
    }

    /** Waits for {@code /q/health/ready} to answer 200, failing early (with the logs) if the container stops. */
    void awaitReady(Container container, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(container.managementUri("/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String state = podman.run("inspect", "--format", "{{.State.Status}}", container.name())
                    .strip();
            if (!state.equals("running")) {
                throw new IllegalStateException(container.name() + " is " + state + ":\n" + logs(container, 60));
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(
                container.name() + " was not ready within " + timeout.toSeconds() + " s:\n" + logs(container, 60));
    }

    String logs(Container container, int lines) {
        return podman.attempt(Duration.ofSeconds(10), "logs", "--tail", Integer.toString(lines), container.name())
                .output();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
