package dev.storefront.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * "Clear this cart", written with the order in one transaction and delivered by {@link OutboxRelay} until done. It
 * carries the shopper's access token because cart-service lets only the cart's owner clear it; the token is wiped on
 * delivery or when it expires (after at most 15 minutes), so nothing secret is kept long.
 */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
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

    @Column(name = "bearer_token", length = 4096)
    public String bearerToken;

    @Column(name = "token_expires_at")
    public Instant tokenExpiresAt;

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

    public static OutboxMessage clearCart(
            CustomerOrder order, String bearerToken, Instant tokenExpiresAt, String requestId) {
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.orderId = order.id;
        m.customerId = order.customerId;
        m.cartId = order.cartId;
        m.state = PENDING;
        m.bearerToken = bearerToken;
        m.tokenExpiresAt = tokenExpiresAt;
        m.nextAttemptAt = order.createdAt;
        m.createdAt = order.createdAt;
        m.requestId = requestId;
        return m;
    }

    void delivered(Instant now) {
        state = DELIVERED;
        deliveredAt = now;
        bearerToken = null;
        attempts++;
    }

    void expired(String reason) {
        state = EXPIRED;
        bearerToken = null;
        lastError = reason;
    }

    void failed(String error, Instant retryAt) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        nextAttemptAt = retryAt;
    }
}
