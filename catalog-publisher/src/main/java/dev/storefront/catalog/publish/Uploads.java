package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.Bucket;
import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.config.CatalogConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renders and writes objects on a bounded pool of threads (the S3 client is synchronous, so threads are what keeps
 * several uploads in flight). An object whose rendered MD5 equals the ETag in the bucket is not written again. The
 * tally counts what was written, left alone and deleted.
 */
@ApplicationScoped
public class Uploads {
    private final Bucket bucket;
    private final ExecutorService pool;

    public Uploads(Bucket bucket, CatalogConfig config) {
        this.bucket = bucket;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.publish().parallelism(), r -> {
            Thread thread = new Thread(r, "publish-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Renders each object and writes it unless unchanged; returns once all are done.
     *
     * @param etags the current ETag of a key in the bucket, empty when absent
     */
    void write(
            List<Supplier<BucketObject>> objects,
            Function<String, Optional<String>> etags,
            Tally tally,
            Progress progress) {
        List<Future<?>> futures = new ArrayList<>(objects.size());
        for (Supplier<BucketObject> render : objects) {
            futures.add(pool.submit(() -> {
                writeOne(render.get(), etags, tally);
                progress.tick();
            }));
        }
        awaitAll(futures);
    }

    /** Deletes objects the catalog no longer produces. */
    void delete(List<String> keys, Tally tally) {
        bucket.delete(keys);
        tally.deleted.addAndGet(keys.size());
    }

    private void writeOne(BucketObject object, Function<String, Optional<String>> etags, Tally tally) {
        tally.produced.add(object.key());
        if (etags.apply(object.key()).filter(object.md5()::equals).isPresent()) {
            tally.unchanged.incrementAndGet();
        } else {
            bucket.put(object);
            tally.written.incrementAndGet();
        }
    }

    private static void awaitAll(List<Future<?>> futures) {
        RuntimeException failure = null;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    futures.forEach(f -> f.cancel(false));
                }
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled after an earlier failure, which is the one reported
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
