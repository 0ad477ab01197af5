package dev.storefront.defaults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.defaults.problem.DatabaseOutage;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
    @Test
    void connectionFailuresAnywhereInTheChainAreAnOutage() {
        assertTrue(DatabaseOutage.isCause(new SQLException("refused", "08001")));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(new SQLException("shutting down", "57P01"))));
        assertTrue(DatabaseOutage.isCause(new SQLException("Acquisition timeout while waiting for new connection")));
        var rollback = new IllegalStateException("rolled back");
        rollback.addSuppressed(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseOutage.isCause(new RuntimeException(rollback)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseOutage.isCause(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("no SQL here")));
        assertFalse(DatabaseOutage.isCause(null));
    }
}
