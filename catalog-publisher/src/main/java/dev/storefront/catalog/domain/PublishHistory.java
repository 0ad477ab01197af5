package dev.storefront.catalog.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Records each publish's outcome in the database, so the last one can be reported by any instance. */
@ApplicationScoped
public class PublishHistory {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(PublishOutcome outcome) {
        PublishRun run = new PublishRun();
        run.kind = outcome.kind();
        run.trigger = outcome.trigger();
        run.startedAt = outcome.startedAt();
        run.finishedAt = outcome.finishedAt();
        run.succeeded = outcome.succeeded();
        run.written = outcome.written();
        run.unchanged = outcome.unchanged();
        run.deleted = outcome.deleted();
        run.error = outcome.error().orElse(null);
        run.persist();
    }

    @Transactional
    public Optional<PublishOutcome> last(Optional<PublishRun.Kind> kind) {
        return kind.map(PublishRun::last).orElseGet(PublishRun::last).map(PublishHistory::outcome);
    }

    private static PublishOutcome outcome(PublishRun run) {
        return new PublishOutcome(
                run.kind,
                run.trigger,
                run.startedAt,
                run.finishedAt,
                run.succeeded,
                run.written,
                run.unchanged,
                run.deleted,
                Optional.ofNullable(run.error));
    }
}
