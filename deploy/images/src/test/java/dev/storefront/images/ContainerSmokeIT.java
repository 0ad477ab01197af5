package dev.storefront.images;

import static dev.storefront.images.ServiceContainers.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storefront.images.ServiceContainers.Container;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.ServiceDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    private static final String BUCKET = ServiceContainers.BUCKET;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final String ADMIN_EMAIL = "smoke-admin@example.com";
    private static final String PASSWORD = "Smoke-Test-Horse-Battery-Staple-42";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    /**
     * Four JVMs share a small CI machine here; in ECS the heap follows the task size instead. {@code -Xlog:aot} makes
     * each JVM say whether it opened its image's AOT cache ({@link #everyServiceStartedFromItsImagesAotCache}).
     */
    private static final String JAVA_OPTIONS = "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xlog:aot";

    private static final Map<ServiceDatabase, Container> CONTAINERS = new EnumMap<>(ServiceDatabase.class);
    private static final List<String> LOADED_IMAGES = new ArrayList<>();
    private static Podman podman;
    private static LocalPostgres postgres;
    private static LocalS3 s3;
    private static ServiceContainers containers;
    private static String adminToken;
    private static String accountImage;

    @BeforeAll
    static void startEverything() throws Exception {
        assumeTrue(Podman.available(), "podman is not installed; skipping the container smoke test");
        podman = Podman.withConfigIn(Path.of("target", "podman"));
        postgres = LocalPostgres.startTransient();
        s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);
        containers = new ServiceContainers(podman, postgres, s3);

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
            containers.start(
                    container, image, containers.environment(container, ports, JAVA_OPTIONS), List.of(), List.of());
        }
        CompletableFuture.allOf(CONTAINERS.values().stream()
                        .map(c -> CompletableFuture.runAsync(() -> containers.awaitReady(c, READY_TIMEOUT)))
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

    /**
     * Every service was started by its image's entrypoint, which names the AOT cache the image build recorded
     * ({@code -XX:AOTCache=/deployments/app.aot}); the JVM says (under {@code -Xlog:aot}) that it opened the cache and
     * runs the classes linked ahead of time from it. A cache the JVM rejects (another JVM build, another class path)
     * would only be warned about, the service starting without it: hence this test. The same containers answer the
     * other tests.
     */
    @Test
    void everyServiceStartedFromItsImagesAotCache() {
        assumeFalse(NATIVE, "native images have no JRE");
        for (Container container : CONTAINERS.values()) {
            String log = podman.run("logs", container.name());
            assertTrue(
                    log.contains("Opened AOT cache /deployments/app.aot."), container.name() + ":\n" + aotLines(log));
            assertTrue(log.contains("Using AOT-linked classes: true"), container.name() + ":\n" + aotLines(log));
            assertFalse(
                    log.lines().anyMatch(line -> line.contains("[error") && line.contains("[aot")),
                    container.name() + ":\n" + aotLines(log));
        }
    }

    /** The JVM's own AOT log lines (not the service's JSON log), for a failure message. */
    private static String aotLines(String log) {
        return log.lines().filter(line -> line.contains("[aot")).limit(40).collect(Collectors.joining("\n"));
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
                ServiceContainers.sleep(Duration.ofMillis(500));
            }
        }
    }

    /** Loads the service's tarball and returns the image ID Jib recorded for it. */
    private static String load(ServiceDatabase service) throws IOException {
        String id = ServiceContainers.load(podman, IMAGES, service, Duration.ofSeconds(120));
        LOADED_IMAGES.add(id);
        return id;
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
        Map<String, String> env =
                containers.environment(new Container(ServiceDatabase.ACCOUNT, "", 0, 0), ports, JAVA_OPTIONS);
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

    private static String logs(Container container) {
        return containers.logs(container, 60);
    }
}
