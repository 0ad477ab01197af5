package dev.storefront.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys, scoped per customer. The table's primary key (customer_id, idem_key) is the only lock: a second
 * INSERT of the same key waits for the first transaction, then conflicts and finds the stored response. That works
 * across any number of instances.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public Optional<IdempotencyKey> find(UUID customerId, String key) {
        return IdempotencyKey.findByIdOptional(new IdempotencyKey.PrimaryKey(customerId, key));
    }

    /**
     * Records the response for a key unless the key is taken; must run in the transaction that stores the order.
     *
     * @return false when another request already holds this key (then nothing was written)
     */
    public boolean claim(IdempotencyKey response) {
        // Native SQL: persist() cannot say ON CONFLICT DO NOTHING, and this wait-then-skip on the primary key is what
        // collapses concurrent duplicates into one order (a failed persist would also roll back the transaction).
        return IdempotencyKey.getEntityManager()
                        .createNativeQuery("INSERT INTO idempotency_key"
                                + " (customer_id, idem_key, request_hash, order_id, response_status, response_body,"
                                + " created_at) VALUES (:customer, :key, :hash, :order, :status, :body, :now)"
                                + " ON CONFLICT (customer_id, idem_key) DO NOTHING")
                        .setParameter("customer", response.customerId)
                        .setParameter("key", response.key)
                        .setParameter("hash", response.requestHash)
                        .setParameter("order", response.orderId)
                        .setParameter("status", response.responseStatus)
                        .setParameter("body", response.responseBody)
                        .setParameter("now", response.createdAt)
                        .executeUpdate()
                == 1;
    }

    /** Deletes keys recorded before {@code cutoff}; returns how many. */
    public long purgeBefore(Instant cutoff) {
        return IdempotencyKey.delete("createdAt < ?1", cutoff);
    }
}
