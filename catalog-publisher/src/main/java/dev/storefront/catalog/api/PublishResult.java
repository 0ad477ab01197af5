package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.PublishOutcome;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a publish: objects written, skipped because unchanged, and deleted. */
@Schema(name = "PublishResult")
public record PublishResult(
        String kind,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        long durationMillis,
        boolean succeeded,
        int written,
        int unchanged,
        int deleted,

        @Schema(description = "Objects rendered and checked per second")
        long objectsPerSecond,

        String error) {

    static PublishResult of(PublishOutcome o) {
        return new PublishResult(
                o.kind().name(),
                o.trigger(),
                o.startedAt(),
                o.finishedAt(),
                o.duration().toMillis(),
                o.succeeded(),
                o.written(),
                o.unchanged(),
                o.deleted(),
                Math.round(o.rate()),
                o.error().orElse(null));
    }
}
