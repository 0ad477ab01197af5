package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service's database role owns its schema and can touch no other service's schema. */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
class SchemaIsolationTest {
    private static final String OWN_SCHEMA = "catalog";
    private static final List<String> OTHER_SCHEMAS = List.of("account", "cart", "orders", "catalog").stream()
            .filter(s -> !s.equals(OWN_SCHEMA))
            .toList();

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "test.postgres.superuser-url")
    String superuserUrl;

    @Test
    void migratedTablesLiveInOwnSchema() throws SQLException {
        try (Connection c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertTrue(rs.getInt(1) > 0, "Flyway migrated the " + OWN_SCHEMA + " schema");
            assertEquals(OWN_SCHEMA, c.getSchema());
        }
    }

    @Test
    void cannotReadOrWriteAnotherServicesSchema() throws SQLException {
        for (String other : OTHER_SCHEMAS) {
            try (Connection admin = DriverManager.getConnection(superuserUrl)) {
                admin.createStatement().execute("CREATE TABLE IF NOT EXISTS " + other + ".secret (id int)");
            }
            try (Connection c = dataSource.getConnection()) {
                SQLException read = assertThrows(SQLException.class, () -> c.createStatement()
                        .executeQuery("SELECT * FROM " + other + ".secret"));
                assertEquals("42501", read.getSQLState(), "reading " + other + ": " + read.getMessage());
                SQLException create = assertThrows(SQLException.class, () -> c.createStatement()
                        .execute("CREATE TABLE " + other + ".intruder (id int)"));
                assertEquals("42501", create.getSQLState(), "writing " + other + ": " + create.getMessage());
            }
        }
    }
}
