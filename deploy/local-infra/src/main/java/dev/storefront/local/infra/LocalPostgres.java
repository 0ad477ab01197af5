package dev.storefront.local.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL 17 server from zonky's binaries, laid out like the shared RDS cluster: one database and, per
 * service, one schema owned by one login role that can use nothing else.
 *
 * <p>The superuser is reachable only over loopback with trust auth, for provisioning; service roles log in with a
 * password (scram-sha-256), fresh on every start.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalPostgres.class);
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres.Builder builder;
    private final Path dataDirectory;
    private final int port;
    private final Map<ServiceDatabase, Credentials> credentials = new EnumMap<>(ServiceDatabase.class);
    private volatile EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres.Builder builder, Path dataDirectory, int port) {
        this.builder = builder;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts a server on {@code port} over {@code dataDirectory} (created on first use, kept afterwards), then
     * provisions every service's schema and role.
     *
     * @param durable false for throw-away test servers: turns off fsync for speed
     */
    public static LocalPostgres start(Path dataDirectory, int port, boolean durable) {
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("Port " + port + " is already in use; PostgreSQL cannot start there");
        }
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("password_encryption", "scram-sha-256");
            if (!durable) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            LocalPostgres postgres = new LocalPostgres(builder, dataDirectory.toAbsolutePath(), port);
            postgres.server = builder.start();
            postgres.verifyOwnership();
            postgres.restrictAuthentication();
            postgres.provision();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    /** A throw-away server on a random port with its data in a temporary directory. */
    public static LocalPostgres startTransient() {
        try {
            Path dir = Files.createTempDirectory("storefront-pg-");
            return start(dir.resolve("data"), FreePort.pick(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server (a fast shutdown: sessions are cut, committed work is kept), waits {@code downtime}, and starts
     * it again over the same data on the same port. Roles and passwords stay as they were, so connected services can
     * reconnect with what they have; this is what a database failover or reboot looks like to them.
     */
    public void restart(Duration downtime) {
        stop();
        try {
            Thread.sleep(downtime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("Port " + port + " was taken while PostgreSQL was down");
        }
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start again in " + dataDirectory, e);
        }
        verifyOwnership();
        LOG.infof("PostgreSQL restarted on 127.0.0.1:%d", port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + ServiceDatabase.DATABASE;
    }

    public Credentials credentials(ServiceDatabase service) {
        return credentials.get(service);
    }

    /** A superuser connection to the shop database, for tests and the launcher's housekeeping. */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), SUPERUSER, "");
    }

    /**
     * zonky declares the server ready as soon as anything answers on the port, so make sure the server answering is
     * the one running over our data directory.
     */
    private void verifyOwnership() {
        try (Connection c = admin("postgres");
                var rs = c.createStatement().executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1)).toRealPath();
            if (!served.equals(dataDirectory.toRealPath())) {
                throw new IllegalStateException("Port " + port() + " is served by another PostgreSQL (" + served + ")");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot verify the PostgreSQL on port " + port(), e);
        }
    }

    /** Superuser: trust on loopback only. Every other role: password. */
    private void restrictAuthentication() throws IOException {
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # Written by the storefront local stack.
                local   all   postgres                 trust
                host    all   postgres   127.0.0.1/32  trust
                host    all   all        127.0.0.1/32  scram-sha-256
                """);
        try (Connection c = admin("postgres")) {
            c.createStatement().execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reload pg_hba.conf", e);
        }
    }

    private void provision() {
        try (Connection c = admin("postgres")) {
            var exists = c.createStatement()
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + ServiceDatabase.DATABASE + "'");
            if (!exists.next()) {
                c.createStatement().execute("CREATE DATABASE " + ServiceDatabase.DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + ServiceDatabase.DATABASE, e);
        }
        try (Connection c = admin(ServiceDatabase.DATABASE);
                Statement s = c.createStatement()) {
            s.execute("REVOKE ALL ON DATABASE " + ServiceDatabase.DATABASE + " FROM PUBLIC");
            s.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            for (ServiceDatabase service : ServiceDatabase.values()) {
                String password = Secrets.random(16);
                provision(s, service, password);
                credentials.put(service, new Credentials(jdbcUrl(), service.role(), password));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot provision service roles", e);
        }
        LOG.infof("PostgreSQL ready on 127.0.0.1:%d (data in %s)", port(), dataDirectory);
    }

    private static void provision(Statement s, ServiceDatabase service, String password) throws SQLException {
        String role = service.role();
        s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN CREATE ROLE "
                + role + " LOGIN; END IF; END $$");
        s.execute("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
        s.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + ServiceDatabase.DATABASE + " TO " + role);
        s.execute("CREATE SCHEMA IF NOT EXISTS " + service.schema() + " AUTHORIZATION " + role);
        s.execute("REVOKE ALL ON SCHEMA " + service.schema() + " FROM PUBLIC");
        s.execute("ALTER ROLE " + role + " SET search_path = " + service.schema());
    }

    private Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, SUPERUSER, "");
    }

    @Override
    public void close() {
        stop();
    }

    private void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
