package dev.storefront.local.infra.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a service has stored, as one fingerprint per table of its schema (row count and a digest of every row's
 * contents, independent of row order), read through the service's own datasource. Two equal snapshots mean nothing
 * was inserted, changed or deleted in between.
 */
public final class StoredState {
    private StoredState() {}

    /** Every table of {@code schema} but those {@code ignored}. */
    public static TreeMap<String, String> snapshot(DataSource dataSource, String schema, Set<String> ignored) {
        return snapshot(dataSource, schema, ignored, Map.of());
    }

    /**
     * @param ignored tables whose changes are not the request's doing, left out
     * @param only per table, an SQL condition on its rows ({@code t}) that limits what is compared, e.g. rows newer
     *     than a scheduled job's purge cutoff, which the job can delete while the fuzzer runs
     */
    public static TreeMap<String, String> snapshot(
            DataSource dataSource, String schema, Set<String> ignored, Map<String, String> only) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"
                    + " ORDER BY table_name")) {
                while (rs.next()) {
                    if (!ignored.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            TreeMap<String, String> state = new TreeMap<>();
            if (tables.isEmpty()) {
                return state;
            }
            // One statement for all tables: this runs after every request the fuzzer sends.
            StringBuilder sql = new StringBuilder();
            for (String table : tables) {
                sql.append(sql.isEmpty() ? "" : " UNION ALL ")
                        .append("SELECT '")
                        .append(table)
                        .append("', count(*), coalesce(md5(string_agg(md5(t::text), ',' ORDER BY md5(t::text))), '')")
                        .append(" FROM ")
                        .append(schema)
                        .append(".\"")
                        .append(table)
                        .append("\" t")
                        .append(only.containsKey(table) ? " WHERE " + only.get(table) : "");
            }
            try (ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    state.put(rs.getString(1), rs.getLong(2) + " rows, " + rs.getString(3));
                }
            }
            return state;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the " + schema + " schema", e);
        }
    }
}
