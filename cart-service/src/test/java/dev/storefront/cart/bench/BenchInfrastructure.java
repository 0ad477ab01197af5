package dev.storefront.cart.bench;

import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.LocalS3;
import dev.storefront.local.infra.S3ClientConfig;
import dev.storefront.local.infra.ServiceDatabase;
import dev.storefront.local.infra.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Load-test stand-ins for the packaged app (not a test): starts a throw-away PostgreSQL and s3proxy, publishes
 * {@value #PRODUCTS} products BENCH-0..n, writes the environment the app needs to {@code args[0]} (shell
 * {@code export} lines) and runs until killed. See cart-service/README.md, "Benchmark".
 */
public final class BenchInfrastructure {
    private static final int PRODUCTS = 20;
    private static final String BUCKET = "storefront-pages";

    private BenchInfrastructure() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        LocalPostgres postgres = LocalPostgres.startTransient();
        LocalS3 s3 = LocalS3.startTransient();
        s3.ensureBucket(BUCKET);
        try (S3Client client = s3.client()) {
            for (int i = 0; i < PRODUCTS; i++) {
                String sku = "BENCH-" + i;
                String json = "{\"sku\":\"%s\",\"slug\":\"bench-%d\",\"name\":\"Bench %d\",\"price\":%d,"
                                .formatted(sku, i, i, 1000 + i)
                        + "\"currency\":\"EUR\",\"active\":true,\"stockStatus\":\"IN_STOCK\"}";
                client.putObject(
                        b -> b.bucket(BUCKET).key("catalog/products/" + sku + ".json"), RequestBody.fromString(json));
            }
        }
        Path jwks = Files.createTempFile("bench-jwks-", ".json");
        Files.writeString(jwks, TestTokens.jwksJson());

        Credentials db = postgres.credentials(ServiceDatabase.CART);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DB_URL", db.jdbcUrl());
        env.put("DB_USER", db.username());
        env.put("DB_PASSWORD", db.password());
        env.putAll(S3ClientConfig.environment(s3, BUCKET));
        env.put("JWT_JWKS_URL", jwks.toUri().toString());
        env.put("JWT_ISSUER", TestTokens.ISSUER);
        Files.writeString(
                Path.of(args[0]),
                env.entrySet().stream()
                        .map(e -> "export " + e.getKey() + "='" + e.getValue() + "'")
                        .collect(Collectors.joining("\n", "", "\n")));
        System.out.println("READY");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s3.close();
            postgres.close();
        }));
        Thread.sleep(Long.MAX_VALUE);
    }
}
