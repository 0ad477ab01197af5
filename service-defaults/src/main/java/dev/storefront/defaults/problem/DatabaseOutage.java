package dev.storefront.defaults.problem;

import java.sql.SQLException;

/**
 * Tells a database outage from a bug: no connection could be made (restart, failover) or a pooled one was cut
 * mid-request, even during the commit. That is a 503 to retry after, not a 500; a commit cut off this way may or may
 * not have happened, which is why a checkout carries an Idempotency-Key.
 */
public final class DatabaseOutage {
    private static final int MAX_DEPTH = 10;

    private DatabaseOutage() {}

    /**
     * Whether {@code e} was caused by the database being unreachable. Causes and suppressed exceptions are both
     * searched: when a commit fails, Narayana keeps the driver's error as a suppressed exception of its own.
     */
    public static boolean isCause(Throwable e) {
        return isCause(e, 0);
    }

    private static boolean isCause(Throwable e, int depth) {
        if (e == null || depth > MAX_DEPTH) {
            return false;
        }
        if (e instanceof SQLException sql && connectionLost(sql)) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (isCause(suppressed, depth + 1)) {
                return true;
            }
        }
        return isCause(e.getCause(), depth + 1);
    }

    private static boolean connectionLost(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        // 08: connection exception; 57P0x: the server is shutting down or starting up. Agroal's own message when the
        // pool cannot hand out a connection in time. (Hibernate's JDBCConnectionException wraps one of these.)
        return state.startsWith("08")
                || state.startsWith("57P0")
                || String.valueOf(sql.getMessage()).startsWith("Acquisition timeout");
    }
}
