package dev.storefront.images;

import static dev.storefront.images.ServiceContainers.send;

import dev.storefront.images.ServiceContainers.Container;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.ServiceDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The training run that records each image's JDK 25 AOT cache (JEP 483/514/515), run by the image build between the base
 * image ({@code base-image.sh}) and Jib, which puts the cache into the image as its own layer.
 *
 * <p>A cache is only used by the same JVM build with the same class path, so the training runs what the image will run:
 * the base image's own jlinked JRE ({@code /opt/java}) with a copy of the service's packaged app bind-mounted at
 * {@code /deployments}, the path Jib puts it at, its files carrying Jib's modification time, started with the image's entrypoint flags plus {@code
 * -XX:AOTCacheOutput=/aot/app.aot}. All four services run at once, with podman on the host network against a real
 * PostgreSQL and S3 API, as {@link ContainerSmokeIT} runs the finished images; a few rounds of real requests go to each
 * (sign-up, sign-in, profile, a cart filled with a published product, a checkout, the order history, the catalog admin
 * API, health and metrics), then each container is stopped and its JVM writes the cache on the way out.
 *
 * <pre>
 * AotTraining &lt;base-image.tar&gt; &lt;apps root&gt; &lt;app dir&gt; &lt;output dir&gt; &lt;service&gt;...
 * </pre>
 *
 * writes {@code <output dir>/<service>/app.aot}. The JVM flags match the Jib entrypoint in deploy/images/pom.xml.
 */
public final class AotTraining {
    /** Where the image's entrypoint expects the cache ({@code -XX:AOTCache=...}; Jib's layer puts it there). */
    static final String CACHE_IN_IMAGE = "/deployments/app.aot";

    /**
     * SerialGC, as the JVM picks by itself on a Fargate task under 2 vCPUs or 1792 MB; the heap is small, as in a task
     * (a cache holds objects laid out for one heap encoding; the JVM adapts them, but alike is cheapest).
     */
    private static final String JAVA_OPTIONS = "-Xmx256m -XX:+UseSerialGC";

    /** The modification time Jib gives every file it adds (its default, set explicitly in the pom). */
    static final java.nio.file.attribute.FileTime JIB_FILE_TIME = java.nio.file.attribute.FileTime.fromMillis(1000);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);
    /** Writing the cache: the JVM records its classes and profiles, then a second JVM assembles the cache. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(600);

    private static final int ROUNDS = Integer.getInteger("images.aot.rounds", 5);
    private static final String PASSWORD = "Training-Horse-Battery-Staple-42";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final Podman podman;
    private final ServiceContainers containers;
    private final LocalS3 s3;
    private final String baseImage;
    private final Map<ServiceDatabase, Container> running = new EnumMap<>(ServiceDatabase.class);
    private final Map<ServiceDatabase, Integer> ports = new EnumMap<>(ServiceDatabase.class);
    private final Map<ServiceDatabase, List<String>> mounts = new EnumMap<>(ServiceDatabase.class);
    private final List<ServiceDatabase> recording = new ArrayList<>();

    private AotTraining(Podman podman, ServiceContainers containers, LocalS3 s3, String baseImage) {
        this.podman = podman;
        this.containers = containers;
        this.s3 = s3;
        this.baseImage = baseImage;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            throw new IllegalArgumentException(
                    "usage: AotTraining <base-image.tar> <apps root> <app dir> <output dir> <service>...");
        }
        Path baseImageTar = Path.of(args[0]);
        Path apps = Path.of(args[1]);
        String appDir = args[2];
        Path output = Path.of(args[3]);
        List<ServiceDatabase> services = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            services.add(ServiceDatabase.require(args[i]));
        }
        if (!Podman.available()) {
            throw new IllegalStateException("The images' AOT caches are recorded by running the services with podman,"
                    + " which is not installed (.ci/run installs podman and runc; docs/deploy.md, \"Images\")");
        }
        Path work = output.resolveSibling(output.getFileName() + "-training");
        Podman podman = Podman.withConfigIn(work.resolve("podman"));
        Instant started = Instant.now();
        String baseImage = load(podman, baseImageTar);
        try (LocalPostgres postgres = LocalPostgres.startTransient();
                LocalS3 s3 = LocalS3.startTransient()) {
            s3.ensureBucket(ServiceContainers.BUCKET);
            AotTraining training = new AotTraining(podman, new ServiceContainers(podman, postgres, s3), s3, baseImage);
            try {
                training.start(services, apps, appDir, work);
                training.exercise();
                training.stopAndCollect(work, output);
            } finally {
                training.removeContainers();
            }
        } finally {
            // Not forced: another build may be training from the same (reproducible) base image right now.
            podman.attempt(Duration.ofSeconds(60), "rmi", baseImage);
        }
        System.out.println("aot-training: " + services.size() + " caches in "
                + Duration.between(started, Instant.now()).toSeconds() + " s");
    }

    /** Loads the base image and returns its ID (the digest of its config; no tag, which a parallel build could move). */
    private static String load(Podman podman, Path tar) throws Exception {
        if (!Files.isRegularFile(tar)) {
            throw new IllegalStateException(tar + " is missing (base-image.sh writes it first)");
        }
        podman.run(Duration.ofSeconds(300), "load", "--input", tar.toString());
        Process config = new ProcessBuilder("tar", "-xOf", tar.toString(), "config.json").start();
        byte[] bytes = config.getInputStream().readAllBytes();
        if (config.waitFor() != 0) {
            throw new IllegalStateException("No config.json in " + tar);
        }
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private void start(List<ServiceDatabase> services, Path apps, String appDir, Path work) throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (ServiceDatabase service : ServiceDatabase.values()) {
            ports.put(service, FreePort.pick());
        }
        // Every service runs (order-service calls cart- and account-service, cart-service prices from the published
        // catalog), each recording its cache only if asked for.
        for (ServiceDatabase service : ServiceDatabase.values()) {
            Path app = apps.resolve(service.serviceName()).resolve(appDir).toAbsolutePath();
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app.resolve("quarkus-run.jar") + " is missing: package "
                        + service.serviceName() + " first (./mvnw -B -DskipTests package)");
            }
            Path out = work.resolve(service.serviceName()).toAbsolutePath();
            Files.createDirectories(out);
            try (var old = Files.list(out)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            // The image's user (uid 10001) writes the cache.
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path layout = imageLayout(app, work.resolve("apps").resolve(service.serviceName()));
            List<String> volumes = List.of("--volume", layout + ":/deployments:ro", "--volume", out + ":/aot");
            mounts.put(service, volumes);
            Container container = new Container(
                    service,
                    "storefront-aot-training-" + service.serviceName() + "-" + run,
                    ports.get(service),
                    FreePort.pick());
            List<String> options = new ArrayList<>(volumes);
            options.addAll(List.of("--entrypoint", "/opt/java/bin/java"));
            List<String> command = new ArrayList<>();
            if (services.contains(service)) {
                recording.add(service);
                command.add("-XX:AOTCacheOutput=/aot/app.aot");
            }
            command.addAll(entrypointFlags());
            containers.start(
                    container, baseImage, containers.environment(container, ports, JAVA_OPTIONS), options, command);
            running.put(service, container);
        }
        CompletableFuture.allOf(running.values().stream()
                        .map(c -> CompletableFuture.runAsync(() -> containers.awaitReady(c, READY_TIMEOUT)))
                        .toArray(CompletableFuture[]::new))
                .join();
        System.out.println("aot-training: all services ready");
    }

    /**
     * A copy of {@code app} as the image holds it: the JVM rejects a cache when a class-path jar's modification time
     * differs from the training's ("timestamp has changed"), and Jib gives every file the same fixed time ({@link
     * #JIB_FILE_TIME}, {@code filesModificationTime} in deploy/images/pom.xml). The AppCDS archive Jib leaves out is
     * left out here too.
     */
    private static Path imageLayout(Path app, Path copy) throws IOException {
        if (Files.exists(copy)) {
            try (var old = Files.walk(copy)) {
                for (Path file : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        try (var files = Files.walk(app)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(app.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("app-cds.jsa")) {
                    Files.copy(file, target);
                    Files.setLastModifiedTime(target, JIB_FILE_TIME);
                }
            }
        }
        return copy.toAbsolutePath();
    }

    /** The Jib entrypoint's flags after {@code java} and its {@code -XX:AOTCache}, as in deploy/images/pom.xml. */
    private static List<String> entrypointFlags() {
        return List.of(
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                "/deployments/quarkus-run.jar");
    }

    /** Rounds of what users and operators do, so that what the first requests load and link is in the cache too. */
    private void exercise() throws Exception {
        Container account = running.get(ServiceDatabase.ACCOUNT);
        Container cart = running.get(ServiceDatabase.CART);
        Container orders = running.get(ServiceDatabase.ORDERS);
        Container catalog = running.get(ServiceDatabase.CATALOG);
        String sku = awaitPublishedSku(Duration.ofSeconds(120));
        String adminToken = admin(account);
        String admin = "Bearer " + adminToken;
        // Stock for the checkouts (admin, order-service), which then go all the way.
        expect(
                200,
                send(request(orders, "/api/orders/stock/" + sku, admin)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"available\": 1000}"))));
        for (int round = 0; round < ROUNDS; round++) {
            String email = signUp(account, "training-", "Training Shopper");
            String token = signIn(account, email);
            String bearer = "Bearer " + token;
            expect(200, get(account, "/api/accounts/me", bearer));
            expect(200, get(account, "/api/accounts/me/addresses", bearer));
            expect(200, get(account, "/api/accounts/jwks.json", null));

            // An anonymous cart with one item, merged into the signed-in shopper's cart on sign-in.
            HttpResponse<String> anonymous = expect(201, post(cart, "/api/carts", null, null));
            String anonymousId = group(ID, anonymous);
            String cartToken = group(TOKEN, anonymous);
            expect(
                    200,
                    send(request(cart, "/api/carts/" + anonymousId + "/items/" + sku, null)
                            .header("X-Cart-Token", cartToken)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\": 2}"))));
            HttpResponse<String> merged = expect(
                    200,
                    send(request(cart, "/api/carts/" + anonymousId + "/merge", bearer)
                            .header("X-Cart-Token", cartToken)
                            .POST(HttpRequest.BodyPublishers.noBody())));
            String cartId = group(ID, merged);
            expect(
                    200,
                    send(request(cart, "/api/carts/" + cartId + "/items/" + sku, bearer)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\": 1}"))));
            expect(200, get(cart, "/api/carts/" + cartId, bearer));

            HttpResponse<String> order = expect(
                    201,
                    send(request(orders, "/api/orders", bearer)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"cartId\":\"" + cartId
                                    + "\",\"shippingAddress\":{\"name\":\"Training Shopper\",\"line1\":\"1 Build Road\","
                                    + "\"city\":\"Loopback\",\"postalCode\":\"10115\",\"country\":\"DE\"}}"))));
            expect(200, get(orders, "/api/orders?size=20", bearer));
            expect(200, get(orders, "/api/orders/" + group(ID, order), bearer));

            expect(200, get(catalog, "/api/catalog/products", admin));
            expect(200, get(catalog, "/api/catalog/categories", admin));
            expect(200, get(orders, "/api/orders/stock/" + sku, admin));
            // Bad input is answered too (problem+json), through the same exception mappers as in production.
            expect(400, post(account, "/api/accounts", null, "{\"email\":\"not-an-address\"}"));
            for (Container container : running.values()) {
                expect(
                        200,
                        send(HttpRequest.newBuilder(container.managementUri("/q/health/ready"))
                                .GET()));
                expect(
                        200,
                        send(HttpRequest.newBuilder(container.managementUri("/q/metrics"))
                                .GET()));
            }
            System.out.println("aot-training: round " + (round + 1) + " of " + ROUNDS + " done");
        }
    }

    /**
     * An admin the way ops make one in ECS: signed up, then the account-service app run with {@code grant-admin}
     * (from the same base image and app, without recording a cache), then signed in.
     */
    private String admin(Container account) throws Exception {
        String email = signUp(account, "training-admin-", "Training Admin");
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--network", "host"));
        containers
                .environment(new Container(ServiceDatabase.ACCOUNT, "", 0, 0), ports, JAVA_OPTIONS)
                .forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.add("--volume");
        args.add(mounts.get(ServiceDatabase.ACCOUNT).get(1));
        args.addAll(List.of("--entrypoint", "/opt/java/bin/java", baseImage));
        args.addAll(entrypointFlags());
        args.addAll(List.of("grant-admin", email));
        String output = podman.run(READY_TIMEOUT, args.toArray(String[]::new));
        if (!output.contains("granted the admin role")) {
            throw new IllegalStateException("grant-admin failed:\n" + output);
        }
        return signIn(account, email);
    }

    private String signIn(Container account, String email) throws Exception {
        return group(
                ACCESS_TOKEN,
                expect(
                        200,
                        post(
                                account,
                                "/api/accounts/login",
                                null,
                                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")));
    }

    /**
     * A product in stock that catalog-publisher published at start-up (it loads the sample catalog), once the bucket
     * holds one.
     */
    private String awaitPublishedSku(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (S3Client client = s3.client()) {
            while (true) {
                List<S3Object> products = client.listObjectsV2(
                                b -> b.bucket(ServiceContainers.BUCKET).prefix("catalog/products/"))
                        .contents();
                for (S3Object product : products) {
                    // The published document says whether a cart may take it (the load test picks the same way).
                    String json = client.getObjectAsBytes(
                                    b -> b.bucket(ServiceContainers.BUCKET).key(product.key()))
                            .asUtf8String();
                    if (json.contains("\"stockStatus\"") && !json.contains("\"OUT_OF_STOCK\"")) {
                        String key = product.key();
                        return key.substring("catalog/products/".length(), key.length() - ".json".length());
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "catalog-publisher published no product within " + timeout.toSeconds() + " s:\n"
                                    + containers.logs(running.get(ServiceDatabase.CATALOG), 60));
                }
                ServiceContainers.sleep(Duration.ofSeconds(1));
            }
        }
    }

    /**
     * Stops every container (SIGTERM, as ECS does) and waits: each JVM that records writes its cache on the way out.
     * Then copies each cache to {@code <output>/<service>/app.aot}, the directory Jib adds to that service's image.
     */
    private void stopAndCollect(Path work, Path output) throws Exception {
        CompletableFuture.allOf(running.values().stream()
                        .map(c -> CompletableFuture.runAsync(() -> podman.run(
                                STOP_TIMEOUT.plusSeconds(30),
                                "stop",
                                "--time",
                                Long.toString(STOP_TIMEOUT.toSeconds()),
                                c.name())))
                        .toArray(CompletableFuture[]::new))
                .join();
        for (ServiceDatabase service : recording) {
            Path cache = work.resolve(service.serviceName()).resolve("app.aot");
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException(service.serviceName() + "'s JVM wrote no AOT cache:\n"
                        + containers.logs(running.get(service), 80));
            }
            Path target = output.resolve(service.serviceName()).resolve("app.aot");
            Files.createDirectories(target.getParent());
            Files.copy(cache, target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("aot-training: " + target + " (" + Files.size(target) / (1024 * 1024) + " MB)");
        }
    }

    private void removeContainers() {
        for (Container container : running.values()) {
            podman.attempt(Duration.ofSeconds(60), "rm", "--force", "--time", "10", container.name());
        }
    }

    private static HttpRequest.Builder request(Container container, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(container.uri(path));
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpResponse<String> get(Container container, String path, String authorization) throws Exception {
        return send(request(container, path, authorization).GET());
    }

    /** Signs up a new account (email {@code prefix}-random, the training's password); returns its email. */
    private static String signUp(Container account, String prefix, String name) throws Exception {
        String email = prefix + UUID.randomUUID() + "@example.com";
        expect(
                201,
                post(
                        account,
                        "/api/accounts",
                        null,
                        "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"" + name + "\"}"));
        return email;
    }

    private static HttpResponse<String> post(Container container, String path, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = request(container, path, authorization);
        if (body == null) {
            return send(request.POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + ": "
                    + response.statusCode() + " (expected " + status + ")\n" + response.body());
        }
        return response;
    }

    private static String group(Pattern pattern, HttpResponse<String> response) {
        Matcher matcher = pattern.matcher(response.body());
        if (!matcher.find()) {
            throw new IllegalStateException(
                    "No " + pattern + " in " + response.uri() + "'s answer: " + response.body());
        }
        return matcher.group(1);
    }
}
