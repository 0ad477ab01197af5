package dev.storefront.local.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a throw-away PostgreSQL 17 on a random port and hands the service its own role and schema. Use with
 * {@code @WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value =
 * "cart-service"))}.
 *
 * <p>Besides the datasource it exposes {@code test.postgres.superuser-url} so tests can check what was stored.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private ServiceDatabase service;
    private LocalPostgres postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        service = ServiceDatabase.require(initArgs.getOrDefault("service", ""));
    }

    @Override
    public Map<String, String> start() {
        postgres = LocalPostgres.startTransient();
        Credentials credentials = postgres.credentials(service);
        return Map.of(
                "quarkus.datasource.jdbc.url", credentials.jdbcUrl(),
                "quarkus.datasource.username", credentials.username(),
                "quarkus.datasource.password", credentials.password(),
                "test.postgres.superuser-url", postgres.jdbcUrl() + "?user=postgres");
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
