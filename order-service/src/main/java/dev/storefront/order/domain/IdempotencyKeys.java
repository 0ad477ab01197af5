package dev.storefront.order.domain;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys, scoped per customer. The table's primary key (customer_id, idem_key) is the only lock: a second
 * INSERT of the same key ({@link NewOrders#store}) waits for the first transaction, then conflicts and finds the stored
 * response here. That works across any number of instances.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final String FIND = "SELECT request_hash, order_id, response_status, response_body, created_at"
            + " FROM idempotency_key WHERE customer_id = ? AND idem_key = ?";

    private final AgroalDataSource dataSource;

    public IdempotencyKeys(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The response recorded for a key. Plain SQL like {@link NewOrders}: every checkout looks its key up first, and
     * this way a checkout never opens a Hibernate session.
     */
    public Optional<IdempotencyKey> find(UUID customerId, String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setObject(1, customerId);
            query.setString(2, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(IdempotencyKey.of(
                        customerId,
                        key,
                        row.getString("request_hash"),
                        row.getObject("order_id", UUID.class),
                        row.getInt("response_status"),
                        row.getString("response_body"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            // The problem mappers answer 503 when the database is unreachable, 500 otherwise.
            throw new IllegalStateException("Idempotency key could not be read", e);
        }
    }

    /** Deletes keys recorded before {@code cutoff}; returns how many. */
    public long purgeBefore(Instant cutoff) {
        return IdempotencyKey.delete("createdAt < ?1", cutoff);
    }
}
