package dev.storefront.cart.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
     * line was written. Only for the cart's holder (owner or token hash), so it writes nothing for anyone else.
     */
    private static final String PUT_LINE = """
            WITH line AS (
                INSERT INTO cart_line (id, cart_id, sku, quantity, seen_unit_price, currency, name, added_at)
                SELECT ?, c.id, ?, ?, ?, ?, ?, ? FROM cart c
                WHERE c.id = ? AND (c.owner_id = ? OR c.token_hash = ?)
                    AND (EXISTS (SELECT 1 FROM cart_line WHERE cart_id = c.id AND sku = ?)
                        OR (SELECT count(*) FROM cart_line WHERE cart_id = c.id) < ?)
                ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity,
                    seen_unit_price = EXCLUDED.seen_unit_price, currency = EXCLUDED.currency, name = EXCLUDED.name
                RETURNING cart_id),
            touched AS (
                UPDATE cart SET updated_at = ?, version = version + 1 WHERE id IN (SELECT cart_id FROM line))
            SELECT count(*) FROM line
            """;

    /**
     * Setting a quantity as three statements sent in one round trip: the cart row locked, the line put, the cart read.
     * On a connection in autocommit, PostgreSQL runs statements sent together (before one Sync) as one implicit
     * transaction: the lock is held until all three are done, all commit together, and a failure rolls all back. Each
     * statement still takes its own snapshot, so the line count in {@link #PUT_LINE} sees every line committed before
     * the lock was granted, and the read sees the line just put.
     */
    private static final String SET_QUANTITY = LOCK + ";\n" + PUT_LINE + ";\n" + READ;

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
            requireHolder(connection, id, access);
        } catch (SQLException e) {
            throw failed("read", id, e);
        }
    }

    /**
     * Sets the quantity of {@code product}'s line (adding it when new, within {@code maxLines}) at the price the
     * shopper now sees, under the cart row's lock, and returns the cart as it then is: one round trip
     * ({@link #SET_QUANTITY}).
     */
    CartContents setQuantity(UUID id, Access access, ProductSnapshot product, int quantity, int maxLines, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement set = connection.prepareStatement(SET_QUANTITY)) {
            int p = 0;
            set.setObject(++p, id);
            set.setObject(++p, UUID.randomUUID());
            set.setString(++p, product.sku());
            set.setInt(++p, quantity);
            set.setLong(++p, product.unitPrice());
            set.setString(++p, product.currency());
            set.setString(++p, product.name());
            set.setObject(++p, at);
            set.setObject(++p, id);
            set.setObject(++p, access.accountId().orElse(null), Types.OTHER);
            set.setBytes(++p, access.cartToken().map(CartToken::hash).orElse(null));
            set.setString(++p, product.sku());
            set.setInt(++p, maxLines);
            set.setObject(++p, at);
            set.setObject(++p, id);
            set.execute();
            try (ResultSet holder = set.getResultSet()) {
                if (!holder.next()
                        || !access.allows(holder.getObject("owner_id", UUID.class), holder.getBytes("token_hash"))) {
                    throw CartException.cartNotFound(id);
                }
            }
            set.getMoreResults();
            try (ResultSet written = set.getResultSet()) {
                if (!written.next() || written.getInt(1) != 1) {
                    throw CartException.tooManyLines(maxLines);
                }
            }
            set.getMoreResults();
            try (ResultSet cart = set.getResultSet()) {
                return contents(cart, id, access);
            }
        } catch (SQLException e) {
            throw failed("changed", id, e);
        }
    }

    /** Runs {@link #HOLDER} and checks the cart's holder against {@code access}. */
    private static void requireHolder(Connection connection, UUID id, Access access) throws SQLException {
        try (PreparedStatement holder = connection.prepareStatement(HOLDER)) {
            holder.setObject(1, id);
            try (ResultSet row = holder.executeQuery()) {
                if (!row.next() || !access.allows(row.getObject("owner_id", UUID.class), row.getBytes("token_hash"))) {
                    throw CartException.cartNotFound(id);
                }
            }
        }
    }

    private static CartContents read(Connection connection, UUID id, Access access) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(READ)) {
            query.setObject(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return contents(rows, id, access);
            }
        }
    }

    /** The cart in {@code rows} ({@link #READ}'s), if {@code access} may see it. */
    private static CartContents contents(ResultSet rows, UUID id, Access access) throws SQLException {
        if (!rows.next() || !access.allows(rows.getObject("owner_id", UUID.class), rows.getBytes("token_hash"))) {
            throw CartException.cartNotFound(id);
        }
        UUID ownerId = rows.getObject("owner_id", UUID.class);
        Instant updatedAt = rows.getObject("updated_at", OffsetDateTime.class).toInstant();
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

    /** Not a rule of carts: the database failed. The problem mappers answer 503 when it is unreachable. */
    private static IllegalStateException failed(String what, UUID id, SQLException e) {
        return new IllegalStateException("Cart " + id + " could not be " + what, e);
    }
}
