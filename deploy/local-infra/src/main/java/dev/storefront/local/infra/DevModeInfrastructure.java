package dev.storefront.local.infra;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives {@code ./mvnw -pl <service> quarkus:dev} a database and an S3 API with no Docker and no manual step.
 *
 * <p>Only acts in the {@code dev} profile. On the first call in a JVM it starts PostgreSQL and s3proxy with their data
 * under {@code .data/dev/<service>/} at the repository root (kept across restarts); live reloads reuse them. The
 * running servers are recorded in system properties because live reload swaps the class loader this class lives in.
 */
public class DevModeInfrastructure implements ConfigSourceFactory {
    private static final String BUCKET = S3TestResource.DEFAULT_BUCKET;
    private static final String STARTED = "storefront.dev.infrastructure";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!context.getProfiles().contains("dev")) {
            return List.of();
        }
        ConfigValue name = context.getValue("quarkus.application.name");
        if (name == null || name.getValue() == null) {
            return List.of();
        }
        return ServiceDatabase.forService(name.getValue())
                .map(service -> List.<ConfigSource>of(
                        new PropertiesConfigSource(properties(service), "storefront-dev-infrastructure", 275)))
                .orElse(List.of());
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static synchronized Map<String, String> properties(ServiceDatabase service) {
        if (System.getProperty(STARTED + ".datasource.url") == null) {
            start(service);
        }
        Map<String, String> properties = new HashMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith(STARTED + "."))
                .forEach(key -> properties.put(key.substring(STARTED.length() + 1), System.getProperty(key)));
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", properties.get("datasource.url"));
        config.put("quarkus.datasource.username", properties.get("datasource.username"));
        config.put("quarkus.datasource.password", properties.get("datasource.password"));
        properties.entrySet().stream()
                .filter(e -> e.getKey().startsWith("s3."))
                .forEach(e -> config.put(e.getKey().substring(3), e.getValue()));
        return config;
    }

    private static void start(ServiceDatabase service) {
        Path home = RepositoryRoot.find().resolve(".data").resolve("dev").resolve(service.serviceName());
        LocalPostgres postgres = LocalPostgres.start(home.resolve("postgres"), FreePort.pick(), true);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "dev-postgres-stop"));
        LocalS3 s3 = LocalS3.start(home.resolve("s3"), FreePort.pick(), home.resolve("run"));
        s3.ensureBucket(BUCKET);

        Credentials credentials = postgres.credentials(service);
        System.setProperty(STARTED + ".datasource.url", credentials.jdbcUrl());
        System.setProperty(STARTED + ".datasource.username", credentials.username());
        System.setProperty(STARTED + ".datasource.password", credentials.password());
        S3ClientConfig.environment(s3, BUCKET).forEach((k, v) -> System.setProperty(STARTED + ".s3." + k, v));
    }
}
