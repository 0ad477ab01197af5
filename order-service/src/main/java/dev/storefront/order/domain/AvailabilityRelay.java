package dev.storefront.order.domain;

import dev.storefront.defaults.tracing.Traces;
import dev.storefront.order.client.AvailabilityChange;
import dev.storefront.order.client.CatalogPublisher;
import dev.storefront.order.client.RejectedException;
import dev.storefront.order.config.OrderConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Tells catalog-publisher which skus sold out or came back ({@link AvailabilitySignals}), until it has each, at least
 * once; catalog-publisher applies a signal by its version, so a repeat or a late one changes nothing there.
 *
 * <p>A signal is claimed by a lease, committed before the call: the row is never locked while catalog-publisher is
 * called, so a checkout that sells the same sku out again never waits on this relay. Several instances relay side by
 * side ({@code SKIP LOCKED}, then the lease); one that dies mid-call leaves the signal to be claimed again when its
 * lease runs out. Delivered is recorded only for the version delivered: a newer signal written meanwhile stays due.
 */
@ApplicationScoped
public class AvailabilityRelay {
    public static final String JOB = "availability-relay";
    private static final Logger LOG = Logger.getLogger(AvailabilityRelay.class);
    /** Longer than a call to catalog-publisher may take (its timeout). */
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final CatalogPublisher catalog;
    private final EntityManager entityManager;
    private final OrderConfig config;
    private final Traces traces;
    private volatile boolean stopping;

    public AvailabilityRelay(CatalogPublisher catalog, EntityManager entityManager, OrderConfig config, Traces traces) {
        this.catalog = catalog;
        this.entityManager = entityManager;
        this.config = config;
        this.traces = traces;
    }

    @Scheduled(
            identity = JOB,
            every = "${order.stock.signal-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        Optional<Claimed> next;
        while (!stopping && (next = QuarkusTransaction.requiringNew().call(this::claim)).isPresent()) {
            Claimed claimed = next.get();
            // A signal sums up many checkouts (the last one wins), so it starts a trace of its own: this relay's log
            // lines and catalog-publisher's for the same delivery share its id.
            traces.continueTrace(null, "availability signal", () -> {
                deliver(claimed);
                return null;
            });
        }
    }

    /** A signal this instance holds the lease on, and how often it was tried before. */
    private record Claimed(AvailabilityChange change, int attempts) {}

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private Optional<Claimed> claim() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT sku, sold_out, version, attempts FROM availability_signal"
                        + " WHERE state = 'PENDING' AND next_attempt_at <= :now"
                        + " ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter("now", now)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        var change = new AvailabilityChange((String) row[0], (Boolean) row[1], ((Number) row[2]).longValue());
        entityManager
                .createNativeQuery("UPDATE availability_signal SET next_attempt_at = :leaseEnds WHERE sku = :sku")
                .setParameter("leaseEnds", now.plus(LEASE))
                .setParameter("sku", change.sku())
                .executeUpdate();
        return Optional.of(new Claimed(change, ((Number) row[3]).intValue()));
    }

    private void deliver(Claimed claimed) {
        AvailabilityChange change = claimed.change();
        try {
            catalog.availability(change);
            delivered(change);
            LOG.infof(
                    "catalog-publisher told %s is %s (stock version %d)",
                    change.sku(), state(change), change.version());
        } catch (RejectedException e) {
            if (e.status() == 404) {
                delivered(change); // not in the catalog (any more): there is no page to change
            } else {
                retryLater(claimed, e); // e.g. 401 while catalog-publisher does not yet trust a new key
            }
        } catch (RuntimeException e) { // catalog-publisher unavailable, or anything else: the signal stays due
            retryLater(claimed, e);
        }
    }

    private void delivered(AvailabilityChange change) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE availability_signal SET state = 'DELIVERED', attempts = attempts + 1,"
                        + " updated_at = :now WHERE sku = :sku AND version = :version")
                .setParameter("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter("sku", change.sku())
                .setParameter("version", change.version())
                .executeUpdate());
    }

    private void retryLater(Claimed claimed, RuntimeException e) {
        AvailabilityChange change = claimed.change();
        Duration backoff = OutboxRelay.backoff(config.outbox(), claimed.attempts());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE availability_signal SET attempts = attempts + 1, next_attempt_at = :retryAt,"
                        + " last_error = :error WHERE sku = :sku AND version = :version")
                .setParameter("retryAt", now.plus(backoff))
                .setParameter("error", truncated(e.toString()))
                .setParameter("sku", change.sku())
                .setParameter("version", change.version())
                .executeUpdate());
        LOG.warnf(
                "Telling catalog-publisher %s is %s failed (attempt %d), retrying in %s: %s",
                change.sku(), state(change), claimed.attempts() + 1, backoff, e);
    }

    private static String state(AvailabilityChange change) {
        return change.soldOut() ? "sold out" : "back in stock";
    }

    private static String truncated(String error) {
        return error.substring(0, Math.min(error.length(), 500));
    }
}
