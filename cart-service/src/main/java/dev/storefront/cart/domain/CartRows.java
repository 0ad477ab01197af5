package dev.storefront.cart.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The cart's two hot paths in plain SQL: reading a cart (checkout reads one for every order) and setting a line's
 * quantity (every "add to cart"). Through Hibernate the same statements spent most of their CPU opening sessions,
 * building and dirty-checking an entity per line, and in JTA (measured in docs/performance.md); everything else about
 * carts stays with {@link Carts} and Hibernate. Same tables, same rules, same row lock.
 */
@ApplicationScoped
class CartRows {
    /** A cart with its lines in the order {@link Cart#lines} keeps them; one row with null line columns when empty. */
    private static final String READ = "SELECT c.owner_id, c.token_hash, c.updated_at,"
            + " l.sku, l.quantity, l.seen_unit_price, l.currency, l.name"
            + " FROM cart c LEFT JOIN cart_line l ON l.cart_id = c.id WHERE c.id = ? ORDER BY l.added_at, l.sku";

    private static final String HOLDER = "SELECT owner_id, token_hash FROM cart WHERE id = ?";
    private static final String LOCK = HOLDER + " FOR UPDATE";

    /**
     * Adds or updates the line, unless it is a new sku and the cart is full, and touches the cart; returns 1 when the
     * line was written. Runs after {@link #LOCK} in the same transaction, so the count sees every committed line.
     */
    private static final String PUT_LINE = """
            WITH line AS (
                INSERT INTO cart_line (id, cart_id, sku, quantity, seen_unit_price, currency, name, added_at)
                SELECT ?, c.id, ?, ?, ?, ?, ?, ? FROM cart c WHERE c.id = ?
                    AND (EXISTS (SELECT 1 FROM cart_line WHERE cart_id = c.id AND sku = ?)
                        OR (SELECT count(*) FROM cart_line WHERE cart_id = c.id) < ?)
                ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity,
                    seen_unit_price = EXCLUDED.seen_unit_price, currency = EXCLUDED.currency, name = EXCLUDED.name
                RETURNING cart_id),
            touched AS (
                UPDATE cart SET updated_at = ?, version = version + 1 WHERE id IN (SELECT cart_id FROM line))
            SELECT count(*) FROM line
            """;

    private final AgroalDataSource dataSource;

    CartRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The cart as {@code access} may see it, on a connection in autocommit: no lock, no transaction. */
    CartContents read(UUID id, Access access) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, id, access);
        } catch (SQLException e) {
            throw failed("read", id, e);
        }
    }

    /** Fails with {@code CART_NOT_FOUND} unless the cart exists and {@code access} may see it; no lock. */
    void requireAccess(UUID id, Access access) {
        try (Connection connection = dataSource.getConnection()) {
            requireHolder(connection, HOLDER, id, access);
        } catch (SQLException e) {
            throw failed("read", id, e);
        }
    }

    /**
     * Sets the quantity of {@code product}'s line (adding it when new, within {@code maxLines}) at the price the
     * shopper now sees, under the cart row's lock, and returns the cart as it then is.
     */
    CartContents setQuantity(UUID id, Access access, ProductSnapshot product, int quantity, int maxLines, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                requireHolder(connection, LOCK, id, access);
                if (!putLine(connection, id, product, quantity, maxLines, now)) {
                    throw CartException.tooManyLines(maxLines);
                }
                CartContents contents = read(connection, id, access);
                connection.commit();
                return contents;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("changed", id, e);
        }
    }

    /** Runs {@code query} ({@link #HOLDER} or {@link #LOCK}) and checks the cart's holder against {@code access}. */
    private static void requireHolder(Connection connection, String query, UUID id, Access access) throws SQLException {
        try (PreparedStatement holder = connection.prepareStatement(query)) {
            holder.setObject(1, id);
            try (ResultSet row = holder.executeQuery()) {
                if (!row.next() || !access.allows(row.getObject("owner_id", UUID.class), row.getBytes("token_hash"))) {
                    throw CartException.cartNotFound(id);
                }
            }
        }
    }

    private static boolean putLine(
            Connection connection, UUID id, ProductSnapshot product, int quantity, int maxLines, Instant now)
            throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement put = connection.prepareStatement(PUT_LINE)) {
            put.setObject(1, UUID.randomUUID());
            put.setString(2, product.sku());
            put.setInt(3, quantity);
            put.setLong(4, product.unitPrice());
            put.setString(5, product.currency());
            put.setString(6, product.name());
            put.setObject(7, at);
            put.setObject(8, id);
            put.setString(9, product.sku());
            put.setInt(10, maxLines);
            put.setObject(11, at);
            try (ResultSet written = put.executeQuery()) {
                written.next();
                return written.getInt(1) == 1;
            }
        }
    }

    private static CartContents read(Connection connection, UUID id, Access access) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(READ)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()
                        || !access.allows(rows.getObject("owner_id", UUID.class), rows.getBytes("token_hash"))) {
                    throw CartException.cartNotFound(id);
                }
                UUID ownerId = rows.getObject("owner_id", UUID.class);
                Instant updatedAt =
                        rows.getObject("updated_at", OffsetDateTime.class).toInstant();
                List<CartContents.Line> lines = new ArrayList<>();
                do {
                    if (rows.getString("sku") != null) {
                        lines.add(new CartContents.Line(
                                rows.getString("sku"),
                                rows.getInt("quantity"),
                                rows.getLong("seen_unit_price"),
                                rows.getString("currency"),
                                rows.getString("name")));
                    }
                } while (rows.next());
                return new CartContents(id, ownerId != null, List.copyOf(lines), updatedAt);
            }
        }
    }

    /** Not a rule of carts: the database failed. The problem mappers answer 503 when it is unreachable. */
    private static IllegalStateException failed(String what, UUID id, SQLException e) {
        return new IllegalStateException("Cart " + id + " could not be " + what, e);
    }
}
