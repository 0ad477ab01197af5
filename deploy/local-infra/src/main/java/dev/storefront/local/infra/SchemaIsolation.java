package dev.storefront.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The check every service's {@code SchemaIsolationTest} runs with its own datasource: the service's role has migrated
 * its own schema and can neither read nor create anything in another service's schema.
 */
public final class SchemaIsolation {
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private SchemaIsolation() {}

    /**
     * @param service the datasource of the service under test, logged in with its own role
     * @param superuserUrl {@code test.postgres.superuser-url} from {@link PostgresTestResource}, to plant tables the
     *     role must not reach
     */
    public static void assertOnlyOwnSchema(DataSource service, String superuserUrl, ServiceDatabase own)
            throws SQLException {
        try (Connection c = service.getConnection();
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, "Flyway migrated the " + own.schema() + " schema");
            assertEquals(own.schema(), c.getSchema());
        }
        for (ServiceDatabase other : ServiceDatabase.values()) {
            if (other == own) {
                continue;
            }
            try (Connection admin = DriverManager.getConnection(superuserUrl)) {
                admin.createStatement().execute("CREATE TABLE IF NOT EXISTS " + other.schema() + ".secret (id int)");
            }
            try (Connection c = service.getConnection()) {
                SQLException read = assertThrows(SQLException.class, () -> c.createStatement()
                        .executeQuery("SELECT * FROM " + other.schema() + ".secret"));
                assertEquals(INSUFFICIENT_PRIVILEGE, read.getSQLState(), "reading " + other.schema());
                SQLException create = assertThrows(SQLException.class, () -> c.createStatement()
                        .execute("CREATE TABLE " + other.schema() + ".intruder (id int)"));
                assertEquals(INSUFFICIENT_PRIVILEGE, create.getSQLState(), "writing " + other.schema());
            }
        }
    }
}
