package dev.storefront.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency keys, scoped per customer. The table's primary key (customer_id, idem_key) is the only lock: a second
 * INSERT of the same key waits for the first transaction, then conflicts and finds the stored response. That works
 * across any number of instances.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private final EntityManager em;

    public IdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    /** The response recorded for a key. */
    public record Recorded(String requestHash, UUID orderId, int status, String body) {}

    public Optional<Recorded> find(UUID customerId, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, order_id, response_status, response_body"
                        + " FROM idempotency_key WHERE customer_id = :customer AND idem_key = :key")
                .setParameter("customer", customerId)
                .setParameter("key", key)
                .getResultList();
        return rows.stream()
                .findFirst()
                .map(r -> new Recorded((String) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3]));
    }

    /**
     * Records the response for a key unless the key is taken; must run in the transaction that stores the order.
     *
     * @return false when another request already holds this key (then nothing was written)
     */
    public boolean claim(UUID customerId, String key, Recorded response, Instant now) {
        return em.createNativeQuery("INSERT INTO idempotency_key"
                                + " (customer_id, idem_key, request_hash, order_id, response_status, response_body,"
                                + " created_at) VALUES (:customer, :key, :hash, :order, :status, :body, :now)"
                                + " ON CONFLICT (customer_id, idem_key) DO NOTHING")
                        .setParameter("customer", customerId)
                        .setParameter("key", key)
                        .setParameter("hash", response.requestHash())
                        .setParameter("order", response.orderId())
                        .setParameter("status", response.status())
                        .setParameter("body", response.body())
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
    }

    /** Deletes keys recorded before {@code cutoff}; returns how many. */
    public int purgeBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
