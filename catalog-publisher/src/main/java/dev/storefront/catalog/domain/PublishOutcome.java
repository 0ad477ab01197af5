package dev.storefront.catalog.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What one publish did: objects written, left alone because unchanged, and deleted. */
public record PublishOutcome(
        PublishRun.Kind kind,
        String trigger,
        Instant startedAt,
        Instant finishedAt,
        boolean succeeded,
        int written,
        int unchanged,
        int deleted,
        Optional<String> error) {

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    /** Objects rendered and checked per second. */
    public double rate() {
        long millis = Math.max(1, duration().toMillis());
        return (written + unchanged) * 1000.0 / millis;
    }
}
