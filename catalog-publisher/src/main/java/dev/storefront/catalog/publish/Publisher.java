package dev.storefront.catalog.publish;

import dev.storefront.catalog.domain.ProductChange;
import dev.storefront.catalog.domain.PublishHistory;
import dev.storefront.catalog.domain.PublishOutcome;
import dev.storefront.catalog.domain.PublishRun.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Publishes the catalog into the bucket: everything ({@link FullPublish}) or what one product change affects
 * ({@link ChangePublish}). Every outcome is recorded. Publishes in this instance run one at a time, so two changes
 * never interleave their writes to the same category pages.
 */
@ApplicationScoped
public class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class);

    private final FullPublish full;
    private final ChangePublish change;
    private final PublishHistory history;
    private final ReentrantLock lock = new ReentrantLock();

    public Publisher(FullPublish full, ChangePublish change, PublishHistory history) {
        this.full = full;
        this.change = change;
        this.history = history;
    }

    /** Rebuilds every object and removes those the catalog no longer produces. */
    public PublishOutcome publishAll(String trigger) {
        PublishOutcome outcome = run(Kind.FULL, trigger, full::run);
        LOG.infof(
                "Full publish (%s) %s: %d written, %d unchanged, %d deleted in %d ms (%.0f objects/s)",
                trigger,
                outcome.succeeded() ? "done" : "FAILED",
                outcome.written(),
                outcome.unchanged(),
                outcome.deleted(),
                outcome.duration().toMillis(),
                outcome.rate());
        return outcome;
    }

    /** Republishes only the objects a committed product change affects. */
    public PublishOutcome publish(ProductChange productChange, String trigger) {
        PublishOutcome outcome = run(Kind.INCREMENTAL, trigger, tally -> change.run(productChange, tally));
        LOG.infof(
                "Published %s (%s): %d written, %d unchanged, %d deleted in %d ms",
                productChange.current().sku(),
                trigger,
                outcome.written(),
                outcome.unchanged(),
                outcome.deleted(),
                outcome.duration().toMillis());
        return outcome;
    }

    private PublishOutcome run(Kind kind, String trigger, Consumer<Tally> work) {
        lock.lock();
        try {
            Instant started = Instant.now();
            Tally tally = new Tally();
            Optional<String> error = Optional.empty();
            try {
                work.accept(tally);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s publish (%s) failed", kind, trigger);
                error = Optional.of(String.valueOf(e.getMessage()));
            }
            PublishOutcome outcome = new PublishOutcome(
                    kind,
                    trigger,
                    started,
                    Instant.now(),
                    error.isEmpty(),
                    tally.written.get(),
                    tally.unchanged.get(),
                    tally.deleted.get(),
                    error);
            history.record(outcome);
            return outcome;
        } finally {
            lock.unlock();
        }
    }
}
