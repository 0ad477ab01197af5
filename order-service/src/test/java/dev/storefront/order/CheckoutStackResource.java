package dev.storefront.order;

import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.RepositoryRoot;
import dev.storefront.local.infra.S3ClientConfig;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.ServiceDatabase;
import dev.storefront.local.infra.TestServiceTokens;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything checkout talks to, for real: PostgreSQL 17 (every service's role), the S3 API with the storefront bucket,
 * and the packaged cart-service and account-service, each in its own JVM. account-service signs with the key of
 * {@link TestTokens}, so its tokens and the test's own are trusted alike; order-service signs its service tokens with
 * the key of {@link TestServiceTokens}, whose public half cart-service trusts. Every test class uses exactly this resource,
 * so Quarkus starts once.
 *
 * <p>The same config serves the app in the test's JVM ({@code *Test}) and the packaged app ({@code *IT}); what the tests
 * themselves need reaches them without CDI: the running services and the catalog through field injection, the
 * superuser's JDBC URL as a system property of the test JVM.
 */
public class CheckoutStackResource implements QuarkusTestResourceLifecycleManager {
    /** System property: the JDBC URL of the PostgreSQL superuser, for tests that count what was stored. */
    static final String SUPERUSER_URL = "storefront-test.order.superuser-url";

    /** How old a catalog copy checkout may price from, here (production: 5 s). */
    static final java.time.Duration CATALOG_MAX_AGE = java.time.Duration.ofSeconds(1);

    private static final String BUCKET = S3TestResource.DEFAULT_BUCKET;

    private LocalPostgres postgres;
    private LocalS3 s3;
    private S3Client catalogClient;
    private ServiceProcess cart;
    private ServiceProcess account;
    private SpanCollector spans;

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.startTransient();
        s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);
        catalogClient = s3.client();
        String jwks = writeJwks();

        Path root = RepositoryRoot.find();
        Credentials cartDb = postgres.credentials(ServiceDatabase.CART);
        Map<String, String> cartEnv = new HashMap<>(S3ClientConfig.environment(s3, BUCKET));
        cartEnv.put("DB_URL", cartDb.jdbcUrl());
        cartEnv.put("DB_USER", cartDb.username());
        cartEnv.put("DB_PASSWORD", cartDb.password());
        cartEnv.put("JWT_JWKS_URL", jwks);
        cartEnv.put("JWT_ISSUER", TestTokens.ISSUER);
        // order-service's service tokens: the public half of the key it signs with (below), as AWS hands it over.
        cartEnv.put("SERVICE_JWT_JWKS", TestServiceTokens.jwksJson());
        // cart-service keeps showing the price it cached, like a shopper's stale cart page while the catalog changes.
        cartEnv.put("CATALOG_CACHE_TTL", "10m");
        // One log line per request received, with the X-Request-Id and traceparent it came with: the tests' view of
        // what
        // order-service sent. Production leaves this off (the ALB's access log already has a line per request).
        cartEnv.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true");
        cartEnv.put(
                "QUARKUS_HTTP_ACCESS_LOG_PATTERN", "%r %s X-Request-Id=%{i,X-Request-Id} traceparent=%{i,traceparent}");
        // cart-service exports its spans, as a service in AWS does to its collector sidecar; account-service (no
        // endpoint) exports nothing.
        spans = SpanCollector.start();
        cartEnv.put("OTEL_EXPORTER_OTLP_ENDPOINT", spans.endpoint());
        cartEnv.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        cartEnv.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        cart = new ServiceProcess(
                "cart-service", root, cartEnv, FreePort.pick(), FreePort.pick(), log(root, "cart-service"));

        Credentials accountDb = postgres.credentials(ServiceDatabase.ACCOUNT);
        Map<String, String> accountEnv = new HashMap<>();
        accountEnv.put("DB_URL", accountDb.jdbcUrl());
        accountEnv.put("DB_USER", accountDb.username());
        accountEnv.put("DB_PASSWORD", accountDb.password());
        accountEnv.put("JWT_SIGNING_KEYS", TestTokens.signingKeysJson());
        accountEnv.put("JWT_ISSUER", TestTokens.ISSUER);
        account = new ServiceProcess(
                "account-service", root, accountEnv, FreePort.pick(), FreePort.pick(), log(root, "account-service"));
        Stream.of(cart, account).parallel().forEach(ServiceProcess::start);

        Credentials ordersDb = postgres.credentials(ServiceDatabase.ORDERS);
        Map<String, String> config = new HashMap<>(S3ClientConfig.environment(s3, BUCKET));
        config.put("quarkus.datasource.jdbc.url", ordersDb.jdbcUrl());
        config.put("quarkus.datasource.username", ordersDb.username());
        config.put("quarkus.datasource.password", ordersDb.password());
        config.put("test.postgres.superuser-url", postgres.jdbcUrl() + "?user=postgres");
        System.setProperty(SUPERUSER_URL, config.get("test.postgres.superuser-url"));
        config.put("CART_SERVICE_URL", cart.url());
        config.put("ACCOUNT_SERVICE_URL", account.url());
        // No catalog-publisher here: its availability signals stay due (the whole-shop tests in deploy/ deliver them).
        config.put("CATALOG_SERVICE_URL", "http://127.0.0.1:" + FreePort.pick());
        config.put("JWT_JWKS_URL", jwks);
        config.put("JWT_ISSUER", TestTokens.ISSUER);
        config.put("SERVICE_JWT_SIGNING_KEYS", TestServiceTokens.signingKeysJson());
        config.put("CATALOG_MAX_AGE", CATALOG_MAX_AGE.toString());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                cart, new TestInjector.AnnotatedAndMatchesType(InjectCartService.class, ServiceProcess.class));
        injector.injectIntoFields(
                account, new TestInjector.AnnotatedAndMatchesType(InjectAccountService.class, ServiceProcess.class));
        injector.injectIntoFields(
                spans, new TestInjector.AnnotatedAndMatchesType(InjectSpanCollector.class, SpanCollector.class));
        injector.injectIntoFields(
                new TestCatalog(catalogClient, BUCKET),
                new TestInjector.AnnotatedAndMatchesType(InjectCatalog.class, TestCatalog.class));
    }

    @Override
    public void stop() {
        Stream.of(cart, account).filter(Objects::nonNull).parallel().forEach(ServiceProcess::stop);
        if (spans != null) {
            spans.close();
        }
        if (catalogClient != null) {
            catalogClient.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Path log(Path root, String service) {
        return root.resolve("order-service/target/" + service + "-under-test.log");
    }

    private static String writeJwks() {
        try {
            Path jwks = Files.createTempFile("storefront-jwks-", ".json");
            Files.writeString(jwks, TestTokens.jwksJson());
            jwks.toFile().deleteOnExit();
            return jwks.toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
