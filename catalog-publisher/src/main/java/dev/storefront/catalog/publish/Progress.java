package dev.storefront.catalog.publish;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Logs how far a long publish has got, at most every few seconds: count done, total and rate. */
final class Progress {
    private static final Logger LOG = Logger.getLogger(Progress.class);
    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final int total;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong lastLog = new AtomicLong(started);

    private Progress(int total, boolean enabled) {
        this.total = total;
        this.enabled = enabled;
    }

    static Progress logging(int total) {
        return new Progress(total, true);
    }

    static Progress silent() {
        return new Progress(0, false);
    }

    void tick() {
        int count = done.incrementAndGet();
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            double rate = count * 1e9 / Math.max(1, now - started);
            LOG.infof("Publishing: %d of %d objects (%.0f/s)", count, total, rate);
        }
    }
}
