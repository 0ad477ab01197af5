package dev.storefront.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.FreePort;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs each service's image as ECS would, with podman on the host network, against a local PostgreSQL and S3 API and
 * the environment variables the CDK app sets, then checks readiness and one real request per service. Skipped when
 * podman is not installed ({@code .ci/run} installs it).
 */
class ContainerSmokeIT {
    private static final Path IMAGES = Path.of(System.getProperty("images.directory", "target/images"));
    /** Whether the images hold native executables ({@code -Pnative}) instead of a JRE and the fast-jar. */
    private static final boolean NATIVE = Boolean.getBoolean("images.native");

    private static final String BUCKET = "storefront-pages";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String ADMIN_EMAIL = "smoke-admin@example.com";
    private static final String PASSWORD = "Smoke-Test-Horse-Battery-Staple-42";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Map<ServiceDatabase, Container> CONTAINERS = new EnumMap<>(ServiceDatabase.class);
    private static final List<String> LOADED_IMAGES = new ArrayList<>();
    private static Podman podman;
    private static LocalPostgres postgres;
    private static LocalS3 s3;
    private static String adminToken;
    private static String accountImage;

    /**
     * One running container: its name (unique per run) and the host ports it listens on, the API's and the management
     * interface's (health; 9000 in ECS, a free port here, as the containers share the host's network).
     */
    private record Container(ServiceDatabase service, String name, int port, int managementPort) {
        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        URI managementUri(String path) {
            return URI.create("http://127.0.0.1:" + managementPort + path);
        }
    }

    @BeforeAll
    static void startEverything() throws Exception {
        assumeTrue(Podman.available(), "podman is not installed; skipping the container smoke test");
        podman = Podman.withConfigIn(Path.of("target", "podman"));
        postgres = LocalPostgres.startTransient();
        s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);

        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<ServiceDatabase, Integer> ports = new EnumMap<>(ServiceDatabase.class);
        for (ServiceDatabase service : ServiceDatabase.values()) {
            ports.put(service, FreePort.pick());
        }
        for (ServiceDatabase service : ServiceDatabase.values()) {
            String image = load(service);
            if (service == ServiceDatabase.ACCOUNT) {
                accountImage = image;
            }
            String name = "storefront-smoke-" + service.serviceName() + "-" + run;
            Container container = new Container(service, name, ports.get(service), FreePort.pick());
            CONTAINERS.put(service, container);
            start(container, image, environment(container, ports));
        }
        CompletableFuture.allOf(CONTAINERS.values().stream()
                        .map(c -> CompletableFuture.runAsync(() -> awaitReady(c)))
                        .toArray(CompletableFuture[]::new))
                .join();
        adminToken = signUpGrantAdminAndSignIn(CONTAINERS.get(ServiceDatabase.ACCOUNT), ports);
    }

    @AfterAll
    static void stopEverything() {
        if (podman != null) {
            for (Container container : CONTAINERS.values()) {
                podman.attempt(Duration.ofSeconds(30), "rm", "--force", "--time", "10", container.name());
            }
            for (String image : LOADED_IMAGES) {
                podman.attempt(Duration.ofSeconds(30), "rmi", "--force", image);
            }
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyImageRunsAsTheNonRootUser() {
        for (Container container : CONTAINERS.values()) {
            String user = podman.run("inspect", "--format", "{{.Config.User}}", container.name())
                    .strip();
            assertEquals("10001:10001", user, container.name());
        }
    }

    @Test
    void everyImagesJreStartsFromItsClassDataSharingArchive() {
        assumeFalse(NATIVE, "native images have no JRE");
        for (Container container : CONTAINERS.values()) {
            String image = podman.run("inspect", "--format", "{{.Image}}", container.name())
                    .strip();
            // -Xshare:on: a JVM that cannot map the archive fails instead of quietly starting without it.
            String version = podman.run(
                    "run",
                    "--rm",
                    "--network",
                    "host",
                    "--entrypoint",
                    "/opt/java/bin/java",
                    image,
                    "-Xshare:on",
                    "-version");
            assertTrue(version.contains("sharing"), container.name() + ": " + version);
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
        for (Container container : CONTAINERS.values()) {
            for (String path : List.of("/q/health/ready", "/q/metrics")) {
                HttpResponse<String> management = send(
                        HttpRequest.newBuilder(container.managementUri(path)).GET());
                assertEquals(200, management.statusCode(), container.name() + " " + path);
                HttpResponse<String> api =
                        send(HttpRequest.newBuilder(container.uri(path)).GET());
                assertEquals(404, api.statusCode(), container.name() + " " + path + " on the API port");
            }
        }
    }

    @Test
    void accountServiceSignsInAndPublishesItsSigningKeys() throws Exception {
        assertEquals(3, adminToken.split("\\.").length, "a JWT: " + adminToken);
        HttpResponse<String> jwks = send(
                HttpRequest.newBuilder(CONTAINERS.get(ServiceDatabase.ACCOUNT).uri("/api/accounts/jwks.json"))
                        .GET());
        assertEquals(200, jwks.statusCode(), jwks.body());
        assertTrue(jwks.body().contains("\"keys\""), jwks.body());
    }

    @Test
    void cartServiceCreatesAnAnonymousCart() throws Exception {
        HttpResponse<String> created =
                send(HttpRequest.newBuilder(CONTAINERS.get(ServiceDatabase.CART).uri("/api/carts"))
                        .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"token\""), created.body());
    }

    @Test
    void orderServiceListsTheSignedInUsersOrders() throws Exception {
        HttpResponse<String> orders = send(
                HttpRequest.newBuilder(CONTAINERS.get(ServiceDatabase.ORDERS).uri("/api/orders"))
                        .header("Authorization", "Bearer " + adminToken)
                        .GET());
        assertEquals(200, orders.statusCode(), orders.body());
    }

    @Test
    void catalogPublisherServesItsAdminApiAndWritesToTheBucket() throws Exception {
        Container catalog = CONTAINERS.get(ServiceDatabase.CATALOG);
        HttpResponse<String> products = send(HttpRequest.newBuilder(catalog.uri("/api/catalog/products"))
                .header("Authorization", "Bearer " + adminToken)
                .GET());
        assertEquals(200, products.statusCode(), products.body());
        // The sample catalog loaded at start-up was published from inside the container, over the host network.
        // (Whether every object of a full publish lands is catalog-publisher's own tests' business.)
        assertTrue(awaitObjects(Duration.ofSeconds(30)) > 0, () -> "nothing in the bucket\n" + logs(catalog));
    }

    /** How many objects the bucket holds once it holds any, or 0 if it stays empty for {@code timeout}. */
    private static int awaitObjects(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (S3Client client = s3.client()) {
            while (true) {
                int count = client.listObjectsV2(b -> b.bucket(BUCKET)).keyCount();
                if (count > 0 || Instant.now().isAfter(deadline)) {
                    return count;
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    /** What the CDK app gives each task, pointed at the local stand-ins (cf. LocalShop). */
    private static Map<String, String> environment(Container container, Map<ServiceDatabase, Integer> ports) {
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
        // Four JVMs share a small CI machine here; in ECS the heap follows the task size instead.
        env.put("JAVA_TOOL_OPTIONS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        if (service != ServiceDatabase.ACCOUNT) {
            env.putAll(S3ClientConfig.environment(s3, BUCKET));
        }
        switch (service) {
            case ACCOUNT -> {
                env.put("JWT_KEY_DIR", "/tmp/keys");
            }
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

    /** Loads the service's tarball and returns the image ID Jib recorded for it. */
    private static String load(ServiceDatabase service) throws IOException {
        Path tar = IMAGES.resolve(service.serviceName() + ".tar");
        assertTrue(Files.isRegularFile(tar), tar + " is missing; it is built by `./mvnw verify` in deploy/images");
        podman.run(Duration.ofSeconds(120), "load", "--input", tar.toString());
        String id = Files.readString(IMAGES.resolve(service.serviceName() + ".id"))
                .strip()
                .replace("sha256:", "");
        LOADED_IMAGES.add(id);
        return id;
    }

    private static void start(Container container, String image, Map<String, String> environment) {
        List<String> args =
                new ArrayList<>(List.of("run", "--detach", "--name", container.name(), "--network", "host"));
        environment.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.add(image);
        podman.run(args.toArray(String[]::new));
    }

    private static void awaitReady(Container container) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
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
                throw new IllegalStateException(container.name() + " is " + state + ":\n" + logs(container));
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(
                container.name() + " was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + logs(container));
    }

    /**
     * Signs an account up, makes it admin the way ops do in ECS (the image run with {@code grant-admin <email>} as its
     * command, which the entrypoint passes to the app), and signs it in.
     */
    private static String signUpGrantAdminAndSignIn(Container account, Map<ServiceDatabase, Integer> ports)
            throws Exception {
        String body = "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Smoke Test\"}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(account.uri("/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(201, created.statusCode(), created.body());
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "host"));
        Map<String, String> env = environment(new Container(ServiceDatabase.ACCOUNT, "", 0, 0), ports);
        env.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.addAll(List.of(accountImage, "grant-admin", ADMIN_EMAIL));
        String output = podman.run(Duration.ofSeconds(180), args.toArray(String[]::new));
        assertTrue(output.contains("granted the admin role"), output);
        HttpResponse<String> login = send(HttpRequest.newBuilder(account.uri("/api/accounts/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + PASSWORD + "\"}")));
        assertEquals(200, login.statusCode(), login.body());
        Matcher token = ACCESS_TOKEN.matcher(login.body());
        assertTrue(token.find(), login.body());
        return token.group(1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String logs(Container container) {
        return podman.attempt(Duration.ofSeconds(10), "logs", "--tail", "60", container.name())
                .output();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
