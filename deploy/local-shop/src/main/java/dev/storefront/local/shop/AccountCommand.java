package dev.storefront.local.shop;

import dev.storefront.local.infra.Credentials;
import dev.storefront.local.infra.LocalPostgres;
import dev.storefront.local.infra.ServiceDatabase;
import dev.storefront.local.infra.ServiceJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one operator command of account-service ({@code grant-admin EMAIL}, {@code revoke-admin EMAIL}) the way ops run
 * it in AWS: the packaged app with arguments, configured like the shop's account-service instances. It starts the
 * shop's PostgreSQL for the command's duration.
 */
final class AccountCommand {
    private AccountCommand() {}

    /** Returns the command's exit status (0 done, 1 no such account, 2 not a command); its log goes to stdout. */
    static int run(Path repositoryRoot, Path dataDirectory, int postgresPort, List<String> args) throws IOException {
        Path jar = ShopService.ACCOUNT.runnerJar(repositoryRoot);
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(
                    jar + " is missing. Build first: ./mvnw -DskipTests package (./shop does this unless --no-build)");
        }
        try (LocalPostgres postgres = LocalPostgres.start(dataDirectory.resolve("postgres"), postgresPort, true)) {
            return run(jar, postgres, dataDirectory, args, new ProcessBuilder().inheritIO());
        }
    }

    /**
     * Runs the command against the database of a shop that is running ({@code postgres}), its output to {@code log}:
     * how tests make an admin the way an operator does.
     */
    static int runWhileUp(Path repositoryRoot, LocalPostgres postgres, Path dataDirectory, List<String> args, Path log)
            throws IOException {
        ProcessBuilder output = new ProcessBuilder().redirectErrorStream(true).redirectOutput(log.toFile());
        return run(ShopService.ACCOUNT.runnerJar(repositoryRoot), postgres, dataDirectory, args, output);
    }

    private static int run(
            Path jar, LocalPostgres postgres, Path dataDirectory, List<String> args, ProcessBuilder builder)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(ServiceJvm.javaExecutable(), "-jar", jar.toString()));
        command.addAll(args);
        builder.command(command);
        builder.environment().putAll(environment(postgres.credentials(ServiceDatabase.ACCOUNT), dataDirectory));
        Process process = builder.start();
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return 130;
        }
    }

    /** The service's database login and keys; its HTTP servers, which a Quarkus command starts too, on free ports. */
    static Map<String, String> environment(Credentials db, Path dataDirectory) {
        return Map.of(
                "DB_URL", db.jdbcUrl(),
                "DB_USER", db.username(),
                "DB_PASSWORD", db.password(),
                "JWT_KEY_DIR", LocalShop.keyDirectory(dataDirectory).toString(),
                "QUARKUS_HTTP_PORT", "0",
                "QUARKUS_MANAGEMENT_PORT", "0",
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    }
}
