package dev.storefront.order.domain;

import dev.storefront.order.config.OrderConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Forgets idempotency keys and finished outbox messages once they are older than the retention (24 h by default).
 * Running it on several instances at once is harmless: each deletes what is still there.
 */
@ApplicationScoped
public class Housekeeping {
    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final IdempotencyKeys keys;
    private final OrderConfig config;

    public Housekeeping(IdempotencyKeys keys, OrderConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Scheduled(
            identity = "idempotency-purge",
            every = "${order.idempotency.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant cutoff = Instant.now().minus(config.idempotency().retention());
        long purgedKeys = keys.purgeBefore(cutoff);
        long purgedMessages = OutboxMessage.delete("state <> ?1 and createdAt < ?2", OutboxMessage.PENDING, cutoff);
        if (purgedKeys + purgedMessages > 0) {
            LOG.infof("Purged %d idempotency keys and %d finished outbox messages", purgedKeys, purgedMessages);
        }
    }
}
