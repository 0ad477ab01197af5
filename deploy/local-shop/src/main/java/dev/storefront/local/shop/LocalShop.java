package dev.storefront.local.shop;

import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.S3ClientConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole shop on loopback: PostgreSQL and the S3 API, then the edge, then every service instance as its own JVM.
 * Shared by {@code ./shop} and the tests that exercise the stack end to end.
 */
final class LocalShop implements AutoCloseable {
    static final String BUCKET = "storefront-pages";
    private static final Logger LOG = Logger.getLogger(LocalShop.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** Where the stack listens and keeps its files. */
    record Layout(
            Path repositoryRoot, Path dataDirectory, int edgePort, int postgresPort, int s3Port, boolean durable) {}

    private final List<ServiceInstance> instances = new CopyOnWriteArrayList<>();
    /** Each service's instance ports, instance 1 first. */
    private final Map<ShopService, List<Ports>> ports = new HashMap<>();

    /** One instance's API port (routed by the edge) and management port (health, metrics; never routed). */
    private record Ports(int api, int management) {}

    private final ServiceInstance.Jit jit;
    /** Counted down when {@link #start} returns or fails. */
    private final CountDownLatch startEnded = new CountDownLatch(1);

    private volatile boolean closing;
    private volatile Layout layout;
    private volatile LocalPostgres postgres;
    private volatile LocalS3 s3;
    private volatile S3Client s3Client;
    private volatile Edge edge;

    private LocalShop(ServiceInstance.Jit jit) {
        this.jit = jit;
    }

    /**
     * Starts everything and returns once every instance reports ready; on failure, stops what it started. The services
     * run with both JIT compilers ({@link ServiceInstance.Jit#FULL}), as the tests that put load on the stack need.
     */
    static LocalShop start(Layout layout, Map<ShopService, Integer> scale, boolean randomServicePorts) {
        return start(layout, scale, randomServicePorts, ServiceInstance.Jit.FULL);
    }

    /** As {@link #start(Layout, Map, boolean)}, with the services' JIT chosen ({@code ./shop}: quick start). */
    static LocalShop start(
            Layout layout, Map<ShopService, Integer> scale, boolean randomServicePorts, ServiceInstance.Jit jit) {
        return start(layout, scale, randomServicePorts, jit, shop -> {});
    }

    /**
     * As {@link #start(Layout, Map, boolean, ServiceInstance.Jit)}, handing the shop to {@code starting} before anything
     * starts, so that a shutdown hook can {@link #stopWhileStarting stop} whatever has started when the JVM is stopped
     * midway ({@code ./shop} and Ctrl-C while its services start; without it they went on running, holding the ports).
     */
    static LocalShop start(
            Layout layout,
            Map<ShopService, Integer> scale,
            boolean randomServicePorts,
            ServiceInstance.Jit jit,
            Consumer<LocalShop> starting) {
        LocalShop shop = new LocalShop(jit);
        starting.accept(shop);
        try {
            shop.startAll(layout, scale, randomServicePorts);
            return shop;
        } catch (RuntimeException e) {
            shop.close();
            throw e;
        } finally {
            shop.startEnded.countDown();
        }
    }

    /**
     * Stops everything, even while {@link #start} is still under way: that start then stops at its next step, stops
     * what the step started and fails. Waits up to {@code grace} for it to get there.
     */
    void stopWhileStarting(Duration grace) {
        close();
        try {
            startEnded.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails the start once {@link #close} has begun; what the step just started is stopped by the start's own close. */
    private void ensureStarting() {
        if (closing) {
            throw new IllegalStateException("The shop was stopped while it started");
        }
    }

    private void startAll(Layout layout, Map<ShopService, Integer> scale, boolean randomServicePorts) {
        this.layout = layout;
        Path data = layout.dataDirectory();
        // Side by side: initdb and PostgreSQL's start are mostly one process (and fsyncs), so the S3 API's JVM can use
        // the other core meanwhile.
        CompletableFuture<LocalS3> s3Start = CompletableFuture.supplyAsync(
                () -> LocalS3.start(data.resolve("s3"), layout.s3Port(), data.resolve("run")));
        try {
            postgres = LocalPostgres.start(data.resolve("postgres"), layout.postgresPort(), layout.durable());
        } finally {
            // Kept even when PostgreSQL failed, so close() stops it.
            try {
                s3 = s3Start.join();
            } catch (CompletionException e) {
                if (postgres != null) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
        }
        ensureStarting();
        s3.ensureBucket(BUCKET);
        s3Client = s3.client();

        Upstreams upstreams = new Upstreams();
        edge = Edge.start(layout.edgePort(), upstreams, new BucketPages(s3Client, BUCKET));
        ensureStarting();

        scale.forEach((service, count) -> {
            for (int i = 1; i <= count; i++) {
                Ports instance = randomServicePorts
                        ? new Ports(FreePort.pick(), FreePort.pick())
                        : new Ports(service.port(i), service.managementPort(i));
                ports.computeIfAbsent(service, s -> new ArrayList<>()).add(instance);
                upstreams.add(service.routePrefix(), service.moduleName(), instance.api());
            }
        });
        ports.forEach((service, list) -> {
            for (int i = 0; i < list.size(); i++) {
                launchWhileStarting(service, i + 1, list.get(i));
            }
        });
        CompletableFuture.allOf(instances.stream()
                        .map(instance -> CompletableFuture.runAsync(() -> instance.awaitReady(READY_TIMEOUT)))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    /** Launches an instance, unless {@link #close} has begun: under its lock, so close never misses one. */
    private synchronized void launchWhileStarting(ShopService service, int number, Ports at) {
        ensureStarting();
        instances.add(launch(service, number, at));
    }

    private ServiceInstance launch(ShopService service, int number, Ports at) {
        return ServiceInstance.start(
                service,
                number,
                at.api(),
                at.management(),
                service.runnerJar(layout.repositoryRoot()),
                environment(service, number, layout),
                layout.dataDirectory().resolve("logs"),
                jit);
    }

    /**
     * Starts a new JVM in place of {@code instance} (stopped or dead), on its port, and waits until it is ready: what
     * ECS does when a task dies.
     */
    ServiceInstance replace(ServiceInstance instance) {
        instance.stop(Duration.ofSeconds(15));
        ServiceInstance replacement =
                launch(instance.service(), instance.number(), new Ports(instance.port(), instance.managementPort()));
        instances.set(instances.indexOf(instance), replacement);
        replacement.awaitReady(READY_TIMEOUT);
        return replacement;
    }

    /**
     * What a service reads from its environment in AWS, pointed at the local stand-ins. Calls between services skip
     * the edge, as ECS Service Connect keeps them inside the VPC in AWS: order-service instance n calls instance n of
     * cart-service and account-service (modulo their counts), on their own ports.
     */
    private Map<String, String> environment(ShopService service, int number, Layout layout) {
        Credentials db = postgres.credentials(service.database());
        String edgeUrl = "http://127.0.0.1:" + edge.port();
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", db.jdbcUrl());
        env.put("DB_USER", db.username());
        env.put("DB_PASSWORD", db.password());
        env.put("JWT_JWKS_URL", edgeUrl + "/api/accounts/jwks.json");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        if (service.usesBucket()) {
            env.putAll(S3ClientConfig.environment(s3, BUCKET));
        }
        switch (service) {
            case ACCOUNT -> {
                env.put("JWT_KEY_DIR", keyDirectory(layout.dataDirectory()).toString());
                // Every local shopper (a browser, the e2e and fault tests) arrives from 127.0.0.1, one address.
                env.put("SIGN_UP_MAX_PER_CLIENT", "1000");
            }
            case CATALOG -> {
                env.put("CATALOG_SEED_SAMPLE", "true");
                // order-service's service tokens (the only credential that says a sku sold out): its JWKS, directly
                env.put("SERVICE_JWT_JWKS_URL", directUrl(ShopService.ORDER, number) + "/api/orders/jwks.json");
            }
            case CART ->
                // order-service's service tokens (the only credential that clears a cart): its JWKS, fetched directly
                env.put("SERVICE_JWT_JWKS_URL", directUrl(ShopService.ORDER, number) + "/api/orders/jwks.json");
            case ORDER -> {
                env.put("CART_SERVICE_URL", directUrl(ShopService.CART, number));
                env.put("ACCOUNT_SERVICE_URL", directUrl(ShopService.ACCOUNT, number));
                env.put("CATALOG_SERVICE_URL", directUrl(ShopService.CATALOG, number));
                // every instance signs with the same keys, generated on first start next to account-service's
                env.put(
                        "SERVICE_JWT_KEY_DIR",
                        layout.dataDirectory().resolve("order-keys").toString());
            }
            default -> {
                // no extra settings
            }
        }
        return env;
    }

    /** Where account-service keeps its signing keys, in the shop's data folder. */
    static Path keyDirectory(Path dataDirectory) {
        return dataDirectory.resolve("keys");
    }

    /** The URL of the instance of {@code service} that instance {@code number} of a caller uses. */
    private String directUrl(ShopService service, int number) {
        List<Ports> of = ports.get(service);
        return "http://127.0.0.1:" + of.get((number - 1) % of.size()).api();
    }

    /** The running instances, by service and then instance number. */
    List<ServiceInstance> instances() {
        return instances.stream()
                .sorted(java.util.Comparator.comparing(ServiceInstance::service).thenComparing(ServiceInstance::name))
                .toList();
    }

    int edgePort() {
        return edge.port();
    }

    LocalPostgres postgres() {
        return postgres;
    }

    /**
     * Runs an operator command of account-service ({@code grant-admin EMAIL}, …) against this running shop's database;
     * its output goes to the shop's log folder. Returns its exit status.
     */
    int accountCommand(String... args) throws IOException {
        Path log = layout.dataDirectory().resolve("logs").resolve("account-command.log");
        return AccountCommand.runWhileUp(layout.repositoryRoot(), postgres, layout.dataDirectory(), List.of(args), log);
    }

    LocalS3 s3() {
        return s3;
    }

    /** Stops what has started; safe to call again (a second call stops only what started since the first). */
    @Override
    public synchronized void close() {
        closing = true;
        instances.parallelStream().forEach(instance -> instance.stop(Duration.ofSeconds(15)));
        if (edge != null) {
            edge.close();
            edge = null;
        }
        if (s3Client != null) {
            s3Client.close();
            s3Client = null;
        }
        if (s3 != null) {
            s3.close();
            s3 = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        LOG.debug("Local shop stopped");
    }
}
