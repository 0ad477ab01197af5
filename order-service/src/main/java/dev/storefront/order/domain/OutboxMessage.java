package dev.storefront.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * "Take what this order bought out of its cart", written with the order in one transaction and delivered by
 * {@link OutboxRelay} until done. The order's own lines say what it bought. It holds no credential: the relay authorises
 * each delivery with a fresh service token of order-service's own.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    /** Only rows of older versions, which gave up when the shopper's token expired; nothing sets it any more. */
    public static final String EXPIRED = "EXPIRED";

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "cart_id", nullable = false)
    public UUID cartId;

    @Column(nullable = false, length = 16)
    public String state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The request id of the checkout that wrote this message, or null; delivery is logged under it. */
    @Column(name = "request_id", length = 128)
    public String requestId;

    /** The W3C {@code traceparent} of the checkout that wrote this message, or null; delivery continues its trace. */
    @Column(name = "trace_parent", length = 55)
    public String traceParent;

    public static OutboxMessage clearCart(CustomerOrder order, String requestId, String traceParent) {
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.orderId = order.id;
        m.customerId = order.customerId;
        m.cartId = order.cartId;
        m.state = PENDING;
        m.nextAttemptAt = order.createdAt;
        m.createdAt = order.createdAt;
        m.requestId = requestId;
        m.traceParent = traceParent;
        return m;
    }

    void delivered(Instant now) {
        state = DELIVERED;
        deliveredAt = now;
        attempts++;
    }

    void failed(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        nextAttemptAt = retryAt;
    }
}
