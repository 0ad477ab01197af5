package dev.storefront.cart.domain;

import dev.storefront.cart.config.CartConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Purges carts nobody changed for a while ({@code cart.expiry.*}), and old receipts of order clears. Every instance runs the job; that is safe because
 * the purge is one {@code DELETE ... WHERE updated_at < cutoff} statement (lines go by cascade): runs that overlap
 * simply find nothing left to delete, and a cart being changed right now is not idle.
 */
@ApplicationScoped
public class CartExpiry {
    private static final Logger LOG = Logger.getLogger(CartExpiry.class);
    /** order-service gives up on a clear when the shopper's token expires (15 min), so a day is ample. */
    private static final Duration CLEAR_RECEIPT_RETENTION = Duration.ofDays(1);

    private final EntityManager em;
    private final CartConfig config;
    private final Clock clock = Clock.systemUTC();

    public CartExpiry(EntityManager em, CartConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(
            identity = "cart-expiry",
            every = "${cart.expiry.purge-every}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeIdleAt(clock.instant());
    }

    /** Deletes the carts that are idle as of {@code now}; returns how many. */
    @Transactional
    public int purgeIdleAt(Instant now) {
        int purged = em.createNativeQuery("DELETE FROM cart WHERE (owner_id IS NULL AND updated_at < ?1)"
                        + " OR (owner_id IS NOT NULL AND updated_at < ?2)")
                .setParameter(1, now.minus(config.expiry().anonymousIdle()))
                .setParameter(2, now.minus(config.expiry().signedInIdle()))
                .executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d idle carts", purged);
        }
        em.createNativeQuery("DELETE FROM cart_clear WHERE cleared_at < ?1")
                .setParameter(1, now.minus(CLEAR_RECEIPT_RETENTION))
                .executeUpdate();
        return purged;
    }
}
