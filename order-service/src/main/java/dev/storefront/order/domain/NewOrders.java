package dev.storefront.order.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import org.postgresql.util.PSQLException;

/**
 * Stores a checkout: the idempotency key with its response, the order, its lines, the outbox message and the
 * reservation of every tracked line's quantity (with the signal for a sku it sells out), as one SQL statement on a
 * connection in autocommit. One statement is one transaction and one round trip to PostgreSQL; through
 * Hibernate and JTA the same rows took five round trips (four statements and the commit) and, with the key lookup, a
 * third of order-service's CPU (measured in docs/performance.md). Everything else about orders stays with Panache.
 *
 * <p>The key's insert is the lock, as before: a concurrent duplicate's statement waits on the key's primary key until
 * the first commits, then inserts nothing at all (and reserves nothing).
 *
 * <p>The reservation is one conditional decrement per line, guarded by the table's {@code CHECK (available >= 0)}: two
 * checkouts of the last unit queue on the row's lock, and the second's decrement fails the check, so the whole
 * statement, order and key included, is undone and nothing is oversold. The rows are first locked in sku order
 * ({@code locked}: {@code ORDER BY sku FOR UPDATE}), the order every stock change uses: left to the join, the update
 * locked them in the order the plan met them, and checkouts of the same two skus deadlocked, each one costing
 * PostgreSQL's {@code deadlock_timeout} (1 s) before it broke it (p99 911 ms in the benchmark). Should PostgreSQL still
 * report a deadlock, the statement changed nothing and is run again.
 */
@ApplicationScoped
public class NewOrders {
    private static final String INSERT = """
            WITH claimed AS (
                INSERT INTO idempotency_key
                    (customer_id, idem_key, request_hash, order_id, response_status, response_body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (customer_id, idem_key) DO NOTHING
                RETURNING order_id),
            placed AS (
                INSERT INTO customer_order (id, customer_id, cart_id, status, currency, total_minor, item_count,
                    ship_name, ship_line1, ship_line2, ship_city, ship_postal_code, ship_country, created_at, updated_at)
                SELECT order_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM claimed
                RETURNING id),
            lines AS (
                INSERT INTO order_line (order_id, line_no, sku, name, quantity, unit_price, line_total)
                SELECT placed.id, l.n - 1, l.sku, l.name, l.quantity, l.unit_price, l.line_total
                FROM placed, unnest(?::varchar[], ?::varchar[], ?::int[], ?::bigint[], ?::bigint[])
                    WITH ORDINALITY AS l (sku, name, quantity, unit_price, line_total, n)),
            relayed AS (
                INSERT INTO outbox (id, order_id, customer_id, cart_id, state, attempts, next_attempt_at, created_at,
                    request_id, trace_parent)
                SELECT ?, placed.id, ?, ?, ?, 0, ?, ?, ?, ? FROM placed),
            locked AS MATERIALIZED (
                SELECT s.sku FROM stock s, claimed WHERE s.sku = ANY(?::varchar[]) ORDER BY s.sku FOR UPDATE OF s),
            reserved AS (
                UPDATE stock s SET available = s.available - w.quantity, version = s.version + 1, updated_at = ?
                FROM locked, unnest(?::varchar[], ?::int[]) AS w (sku, quantity)
                WHERE s.sku = locked.sku AND s.sku = w.sku
                RETURNING s.sku, s.available, s.version),
            sold_out AS (
                INSERT INTO availability_signal (sku, sold_out, version, state, attempts, next_attempt_at, updated_at)
                SELECT sku, true, version, 'PENDING', 0, ?, ? FROM reserved WHERE available = 0
            """ + AvailabilitySignals.ON_CONFLICT + """
            )
            SELECT count(*) FROM claimed
            """;
    /** The CHECK of V4__stock.sql that a line asking for more than is left fails. */
    private static final String NEVER_NEGATIVE = "stock_never_negative";
    /** SQLSTATE deadlock_detected: PostgreSQL broke a wait cycle by failing this statement, which changed nothing. */
    private static final String DEADLOCK = "40P01";

    private static final int ATTEMPTS = 3;

    /** What {@link #store} did. */
    public enum Outcome {
        STORED,
        /** Another request holds the key; nothing was written. */
        KEY_TAKEN,
        /** A line asks for more than is left; nothing was written. */
        SHORT
    }

    private final AgroalDataSource dataSource;

    public NewOrders(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores {@code order} with the response recorded for {@code key} and the message that clears its cart, and reserves
     * its lines, unless the key is taken or a line asks for more than is left.
     */
    public Outcome store(CustomerOrder order, IdempotencyKey key, OutboxMessage clearCart) {
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(order, key, clearCart) ? Outcome.STORED : Outcome.KEY_TAKEN;
            } catch (SQLException e) {
                if (e instanceof PSQLException failed
                        && failed.getServerErrorMessage() != null
                        && NEVER_NEGATIVE.equals(failed.getServerErrorMessage().getConstraint())) {
                    return Outcome.SHORT;
                }
                if (!DEADLOCK.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    // Not a rule of the checkout: the database failed. The mappers answer 503 when it is unreachable.
                    throw new IllegalStateException("Order " + order.id + " could not be stored", e);
                }
            }
        }
    }

    private boolean insert(CustomerOrder order, IdempotencyKey key, OutboxMessage clearCart) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Parameters p = new Parameters(insert);
            p.add(key.customerId).add(key.key).add(key.requestHash).add(key.orderId);
            p.add(key.responseStatus).add(key.responseBody).add(key.createdAt);

            Address ship = order.shippingAddress;
            p.add(order.customerId).add(order.cartId).add(order.status.name()).add(order.currency);
            p.add(order.totalMinor).add(order.itemCount);
            p.add(ship.name)
                    .add(ship.line1)
                    .add(ship.line2)
                    .add(ship.city)
                    .add(ship.postalCode)
                    .add(ship.country);
            p.add(order.createdAt).add(order.updatedAt);

            List<OrderLine> lines = order.lines;
            p.addArray(connection, "varchar", lines.stream().map(l -> l.sku).toArray());
            p.addArray(connection, "varchar", lines.stream().map(l -> l.name).toArray());
            p.addArray(connection, "int4", lines.stream().map(l -> l.quantity).toArray());
            p.addArray(connection, "int8", lines.stream().map(l -> l.unitPrice).toArray());
            p.addArray(connection, "int8", lines.stream().map(l -> l.lineTotal).toArray());

            p.add(clearCart.id).add(clearCart.customerId).add(clearCart.cartId).add(clearCart.state);
            p.add(clearCart.nextAttemptAt).add(clearCart.createdAt).add(clearCart.requestId);
            p.add(clearCart.traceParent);

            SortedMap<String, Integer> wanted = OrderLine.quantitiesBySku(lines);
            p.addArray(connection, "varchar", wanted.keySet().toArray());
            p.add(order.createdAt);
            p.addArray(connection, "varchar", wanted.keySet().toArray());
            p.addArray(connection, "int4", wanted.values().toArray());
            p.add(order.createdAt).add(order.createdAt);
            try (ResultSet claimed = insert.executeQuery()) {
                claimed.next();
                return claimed.getInt(1) == 1;
            }
        }
    }

    /** Binds parameters in order; instants as timestamptz. */
    private static final class Parameters {
        private final PreparedStatement statement;
        private int index;

        Parameters(PreparedStatement statement) {
            this.statement = statement;
        }

        Parameters add(Object value) throws SQLException {
            Object bound = value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
            statement.setObject(++index, bound);
            return this;
        }

        void addArray(Connection connection, String type, Object[] values) throws SQLException {
            statement.setArray(++index, connection.createArrayOf(type, values));
        }
    }
}
