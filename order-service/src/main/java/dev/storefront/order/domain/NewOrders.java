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

/**
 * Stores a checkout: the idempotency key with its response, the order, its lines and the outbox message, as one SQL
 * statement on a connection in autocommit. One statement is one transaction and one round trip to PostgreSQL; through
 * Hibernate and JTA the same rows took five round trips (four statements and the commit) and, with the key lookup, a
 * third of order-service's CPU (measured in docs/performance.md). Everything else about orders stays with Panache.
 *
 * <p>The key's insert is the lock, as before: a concurrent duplicate's statement waits on the key's primary key until
 * the first commits, then inserts nothing at all.
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
                    request_id)
                SELECT ?, placed.id, ?, ?, ?, 0, ?, ?, ? FROM placed)
            SELECT count(*) FROM claimed
            """;

    private final AgroalDataSource dataSource;

    public NewOrders(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores {@code order} with the response recorded for {@code key} and the message that clears its cart, unless the
     * key is taken.
     *
     * @return false when another request already holds the key (then nothing was written)
     */
    public boolean store(CustomerOrder order, IdempotencyKey key, OutboxMessage clearCart) {
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
            try (ResultSet claimed = insert.executeQuery()) {
                claimed.next();
                return claimed.getInt(1) == 1;
            }
        } catch (SQLException e) {
            // Not a rule of the checkout: the database failed. The problem mappers answer 503 when it is unreachable.
            throw new IllegalStateException("Order " + order.id + " could not be stored", e);
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
