package dev.storefront.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's idempotency key and the response recorded for it: the first response is replayed for every repeat of
 * the same request. Written only by {@link NewOrders#store}, whose insert is the lock.
 */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.PrimaryKey.class)
public class IdempotencyKey extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Id
    @Column(name = "idem_key", length = 255)
    public String key;

    /** Identifies the request body, so the same key with another body is refused. */
    @Column(name = "request_hash", nullable = false, length = 64)
    public String requestHash;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "response_status", nullable = false)
    public int responseStatus;

    @Column(name = "response_body", nullable = false)
    public String responseBody;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Keys are scoped per customer. */
    public record PrimaryKey(UUID customerId, String key) implements Serializable {}

    public static IdempotencyKey of(
            UUID customerId, String key, String requestHash, UUID orderId, int status, String body, Instant now) {
        IdempotencyKey k = new IdempotencyKey();
        k.customerId = customerId;
        k.key = key;
        k.requestHash = requestHash;
        k.orderId = orderId;
        k.responseStatus = status;
        k.responseBody = body;
        k.createdAt = now;
        return k;
    }
}
