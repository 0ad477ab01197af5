package dev.storefront.order.domain;

import dev.storefront.defaults.http.RequestIds;
import dev.storefront.defaults.tracing.Traces;
import dev.storefront.order.client.CartClear;
import dev.storefront.order.client.CartService;
import dev.storefront.order.client.RejectedException;
import dev.storefront.order.config.OrderConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Delivers outbox messages (cart clears) until they succeed. Each message is claimed with {@code FOR UPDATE SKIP
 * LOCKED} in its own transaction, so several instances relay side by side without delivering the same message at
 * the same time; a crash before the commit just leaves the message due, and delivering it again is harmless.
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String JOB = "outbox-relay";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final CartService carts;
    private final OrderConfig config;
    private final Traces traces;
    private volatile boolean stopping;

    public OutboxRelay(CartService carts, OrderConfig config, Traces traces) {
        this.carts = carts;
        this.config = config;
        this.traces = traces;
    }

    @Scheduled(
            identity = JOB,
            every = "${order.outbox.relay-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        // Until nothing is due: a backlog drains as fast as cart-service takes it. (One batch of 50 per tick capped
        // clearing at 50 carts a second per instance, below what one instance checks out.)
        while (!stopping && QuarkusTransaction.requiringNew().call(this::deliverNext)) {
            // next message
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Delivers the next due message, if any; returns whether there was one. */
    private boolean deliverNext() {
        Instant now = Instant.now();
        // Native SQL: this claim is the relay's whole locking protocol (skip what another instance is delivering).
        // Panache reaches SKIP LOCKED only through a Hibernate lock-timeout hint whose SQL is the dialect's choice;
        // here the statement says exactly what PostgreSQL is asked.
        OutboxMessage message = (OutboxMessage) OutboxMessage.getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM outbox WHERE state = 'PENDING' AND next_attempt_at <= :now"
                                + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED",
                        OutboxMessage.class)
                .setParameter("now", now)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (message == null) {
            return false;
        }
        // Delivery logs, and cart-service logs through X-Request-Id and traceparent, under the request id and in the
        // trace of the checkout that wrote it.
        return traces.continueTrace(
                message.traceParent,
                "outbox clear-cart",
                () -> RequestIds.logUnder(message.requestId, () -> {
                    deliver(message, now);
                    return true;
                }));
    }

    private void deliver(OutboxMessage message, Instant now) {
        try {
            carts.clear(message.cartId, message.orderId, orderedLines(message), message.requestId);
            message.delivered(Instant.now());
            LOG.infof("Cleared cart %s after order %s", message.cartId, message.orderId);
        } catch (RejectedException e) {
            if (e.status() == 404) {
                message.delivered(Instant.now()); // the cart is gone: nothing left to clear
            } else {
                // 401/403: cart-service does not (yet) trust this service's keys, e.g. while a deployment rolls out
                // or before it has fetched a new key. Nothing expires any more, so the message waits and retries.
                retryLater(message, e, now);
            }
        } catch (RuntimeException e) { // cart-service unavailable, or anything else: the message stays due
            retryLater(message, e, now);
        }
    }

    /**
     * What the order bought, from its own lines: immutable, in this schema, and what a message written by any version
     * refers to, so the row needs no copy of them.
     */
    private static List<CartClear.Line> orderedLines(OutboxMessage message) {
        CustomerOrder order = CustomerOrder.findById(message.orderId);
        return order.lines.stream()
                .map(line -> new CartClear.Line(line.sku, line.quantity))
                .toList();
    }

    private void retryLater(OutboxMessage message, RuntimeException e, Instant now) {
        Duration backoff = backoff(config.outbox(), message.attempts);
        message.failed(e.toString(), now.plus(backoff));
        LOG.warnf(
                "Clearing cart %s of order %s failed (attempt %d), retrying in %s: %s",
                message.cartId, message.orderId, message.attempts, backoff, e);
    }

    /** The wait after the {@code attempts}-th failed attempt: doubling from the initial backoff, up to the maximum. */
    static Duration backoff(OrderConfig.Outbox config, int attempts) {
        Duration max = config.maxBackoff();
        Duration delay = config.initialBackoff().multipliedBy(1L << Math.min(attempts, 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
