package dev.storefront.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One server laid out like the RDS cluster: a schema and a password-protected role per service, nothing shared. */
class LocalPostgresTest {
    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.startTransient();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void everyRoleWorksInItsOwnSchemaOnly() throws SQLException {
        for (ServiceDatabase owner : ServiceDatabase.values()) {
            try (Connection c = connect(owner)) {
                c.createStatement().execute("CREATE TABLE " + owner.schema() + ".probe (id int)");
                c.createStatement().execute("INSERT INTO probe VALUES (1)"); // search_path is the own schema
            }
        }
        for (ServiceDatabase role : ServiceDatabase.values()) {
            for (ServiceDatabase other : ServiceDatabase.values()) {
                if (role == other) {
                    continue;
                }
                try (Connection c = connect(role)) {
                    SQLException e = assertThrows(SQLException.class, () -> c.createStatement()
                            .executeQuery("SELECT * FROM " + other.schema() + ".probe"));
                    assertEquals("42501", e.getSQLState(), role + " reading " + other.schema());
                }
            }
        }
    }

    @Test
    void serviceRolesNeedTheirPassword() {
        Credentials cart = postgres.credentials(ServiceDatabase.CART);
        SQLException e = assertThrows(
                SQLException.class, () -> DriverManager.getConnection(cart.jdbcUrl(), cart.username(), "wrong"));
        assertEquals("28P01", e.getSQLState()); // invalid_password
    }

    @Test
    void publicSchemaIsClosed() throws SQLException {
        try (Connection c = connect(ServiceDatabase.ACCOUNT)) {
            SQLException e = assertThrows(
                    SQLException.class, () -> c.createStatement().execute("CREATE TABLE public.squat (id int)"));
            assertEquals("42501", e.getSQLState());
        }
    }

    @Test
    void restartKeepsCommittedDataAndPasswords() throws SQLException {
        try (Connection c = connect(ServiceDatabase.ORDERS)) {
            c.createStatement().execute("CREATE TABLE kept (id int)");
            c.createStatement().execute("INSERT INTO kept VALUES (42)");
        }
        Connection before = connect(ServiceDatabase.ORDERS);

        postgres.restart(Duration.ofMillis(200));

        assertThrows(SQLException.class, () -> before.createStatement().executeQuery("SELECT 1"));
        before.close();
        try (Connection c = connect(ServiceDatabase.ORDERS);
                var rs = c.createStatement().executeQuery("SELECT id FROM kept")) {
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
    }

    private static Connection connect(ServiceDatabase service) throws SQLException {
        Credentials credentials = postgres.credentials(service);
        return DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(), credentials.password());
    }
}
