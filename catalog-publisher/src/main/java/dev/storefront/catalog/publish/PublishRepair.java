package dev.storefront.catalog.publish;

import dev.storefront.catalog.domain.PublishHistory;
import dev.storefront.catalog.domain.PublishOutcome;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Nothing a shopper sees stays behind a committed change: when the last publish failed (the S3 API was unreachable,
 * say), a full publish repairs the bucket. Any instance may run it; a full publish is safe to repeat.
 */
@ApplicationScoped
class PublishRepair {
    private final PublishHistory history;
    private final Publisher publisher;

    PublishRepair(PublishHistory history, Publisher publisher) {
        this.history = history;
        this.publisher = publisher;
    }

    @Scheduled(
            every = "${catalog.publish.repair-every}",
            delayed = "${catalog.publish.repair-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void repairAfterFailure() {
        Optional<PublishOutcome> last = history.last(Optional.empty());
        if (last.isPresent() && !last.get().succeeded()) {
            publisher.publishAll("repair after a failed publish (" + last.get().trigger() + ")");
        }
    }
}
