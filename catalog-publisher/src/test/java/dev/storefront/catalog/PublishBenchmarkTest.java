package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.catalog.domain.CatalogService;
import dev.storefront.catalog.domain.Category;
import dev.storefront.catalog.domain.Product;
import dev.storefront.catalog.domain.ProductChange;
import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.domain.PublishOutcome;
import dev.storefront.catalog.domain.SampleCatalog;
import dev.storefront.catalog.publish.Publisher;
import dev.storefront.defaults.s3.S3Settings;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Publishes a generated catalog of 10,000 products into the local S3 API and reports pages per second (after one
 * warm-up publish), then the time to republish after one product change: right after the full publishes (the JIT
 * recompiles the change path then), and at 1,000 and at 10,000 products each on a freshly seeded and published catalog,
 * side by side. Not part of the default build; run it with
 * {@code ./mvnw -B -pl catalog-publisher test -Dgroups=benchmark -DexcludedGroups=none}. Figures go to the log and to
 * {@code target/publish-benchmark.txt}.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(PublishBenchmarkTest.Production.class)
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(BenchmarkS3TestResource.class)
@WithTestResource(JwtTestResource.class)
class PublishBenchmarkTest {
    private static final int PRODUCTS = Integer.getInteger("benchmark.products", 10_000);
    private static final int CHANGES = 20;
    private static final int WARM_UP_CHANGES = 10;
    /** The smaller catalog whose change time is reported beside {@link #PRODUCTS}'s: a change should cost the same. */
    private static final int SMALL = 1_000;

    /**
     * Publishing settings as in production: the default number of uploads in flight, no sample catalog. Seeding the
     * generated catalog is one transaction, which outlasts the default 60 s timeout on a busy machine.
     */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "catalog.publish.parallelism",
                    "16",
                    "catalog.seed-sample",
                    "false",
                    "quarkus.transaction-manager.default-transaction-timeout",
                    "10m");
        }
    }

    @Inject
    Publisher publisher;

    @Inject
    CatalogService catalog;

    @Inject
    SampleCatalog sample;

    @Inject
    S3Client s3;

    @Inject
    S3Settings s3Settings;

    @Test
    void publishTenThousandProducts() throws Exception {
        replaceCatalog(PRODUCTS);
        emptyBucket();
        publisher.publishAll("benchmark: warm-up"); // JIT, connection pools and caches, as on a long-running task
        emptyBucket();

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long cpuBefore = os.getProcessCpuTime();
        double s3CpuBefore = S3ProxyCpu.seconds();
        PublishOutcome full = publisher.publishAll("benchmark: empty bucket");
        double publisherCpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double s3CpuSeconds = S3ProxyCpu.seconds() - s3CpuBefore;
        double loadAfter = os.getSystemLoadAverage();
        PublishOutcome again = publisher.publishAll("benchmark: nothing changed");
        // The JVM's first changes after the full publishes: much of the change path was compiled for the full
        // publish's profile and is deoptimised and recompiled now (JIT, not the catalog's size). Reported apart.
        List<Long> afterFullMillis = changes();

        long htmlPages = s3.listObjectsV2Paginator(r -> r.bucket(s3Settings.bucket())).contents().stream()
                .filter(o -> o.key().endsWith(".html"))
                .count();
        String search = searchIndexSizes();

        // The compared changes: at either size on a freshly seeded catalog, after a full publish of it into an empty
        // bucket, the same unmeasured warm-up changes and the same history of the JVM, so that only the catalog's
        // size differs. A change's cost must not grow with N.
        List<Long> smallChangeMillis = changesOnFreshCatalog(SMALL);
        List<Long> changeMillis = changesOnFreshCatalog(PRODUCTS);
        double loadEnd = os.getSystemLoadAverage();
        double seconds = full.duration().toMillis() / 1000.0;
        String report = String.format(
                "products=%d, %d cores, load average before %.1f, after the full publish %.1f, at the end %.1f%n"
                        + "full publish into an empty bucket: %d objects written (%d HTML pages) in %.2f s"
                        + " = %.0f objects/s, %.0f HTML pages/s%n"
                        + "  CPU used by the publisher's JVM meanwhile: %.1f s (%.2f ms per object); by the local S3"
                        + " API (s3proxy's JVM): %.1f s (%.2f ms per object)%n"
                        + "full publish, nothing changed: %d unchanged in %d ms%n"
                        + "one product change (update + incremental publish), %d runs: median %d ms, max %d ms%n"
                        + "one product change at %d and at %d products: median %d ms and %d ms, max %d ms and %d ms%n"
                        + "  (each on a freshly seeded catalog after a full publish of it; the JVM's first changes right"
                        + " after the full publishes above: median %d ms, max %d ms)%n"
                        + "%s",
                PRODUCTS,
                os.getAvailableProcessors(),
                loadBefore,
                loadAfter,
                loadEnd,
                full.written(),
                htmlPages,
                seconds,
                full.written() / seconds,
                htmlPages / seconds,
                publisherCpuSeconds,
                publisherCpuSeconds * 1000 / full.written(),
                s3CpuSeconds,
                s3CpuSeconds * 1000 / full.written(),
                again.unchanged(),
                again.duration().toMillis(),
                CHANGES,
                changeMillis.get(CHANGES / 2),
                changeMillis.get(CHANGES - 1),
                SMALL,
                PRODUCTS,
                smallChangeMillis.get(CHANGES / 2),
                changeMillis.get(CHANGES / 2),
                smallChangeMillis.get(CHANGES - 1),
                changeMillis.get(CHANGES - 1),
                afterFullMillis.get(CHANGES / 2),
                afterFullMillis.get(CHANGES - 1),
                search);
        System.out.println("\n=== publish benchmark ===\n" + report);
        Files.writeString(Path.of("target", "publish-benchmark.txt"), report);
        assertTrue(full.succeeded() && again.written() == 0);
    }

    /**
     * The search index as published (search/v1/), gzipped object by object as CloudFront serves it: its whole size, its
     * largest shards, and what a query costs at most: one word of five letters or more (two term shards), sorted by
     * price (every fact shard), its first 20 results (20 document shards).
     */
    private String searchIndexSizes() {
        Map<String, Long> gzipped = new java.util.TreeMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(s3Settings.bucket()).prefix("search/v1/"))
                .contents()
                .forEach(o -> gzipped.put(
                        o.key(),
                        gzippedSize(s3.getObjectAsBytes(
                                        r -> r.bucket(s3Settings.bucket()).key(o.key()))
                                .asByteArray())));
        long total = gzipped.values().stream().mapToLong(Long::longValue).sum();
        Map.Entry<String, Long> largestTerms = largest(gzipped, "search/v1/terms/");
        Map.Entry<String, Long> largestDocs = largest(gzipped, "search/v1/docs/");
        long facts = gzipped.entrySet().stream()
                .filter(e -> e.getKey().startsWith("search/v1/facts/"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        long worstQuery = 2 * largestTerms.getValue() + facts + 20 * largestDocs.getValue();
        return String.format(
                "search index: %d objects, %,d bytes gzipped in all; largest term shard %s %,d bytes, largest document"
                        + " shard %,d bytes, all fact shards %,d bytes; a one-word query sorted by price fetches at most"
                        + " %,d bytes (2 term shards + every fact shard + 20 document shards, all gzipped)%n",
                gzipped.size(),
                total,
                largestTerms.getKey(),
                largestTerms.getValue(),
                largestDocs.getValue(),
                facts,
                worstQuery);
    }

    private static Map.Entry<String, Long> largest(Map<String, Long> sizes, String prefix) {
        return sizes.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .max(Map.Entry.comparingByValue())
                .orElseThrow();
    }

    private static long gzippedSize(byte[] body) {
        var out = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.size();
    }

    /**
     * {@link #changes()} on a freshly seeded catalog of {@code size} products, after a full publish of it into an empty
     * bucket.
     */
    private List<Long> changesOnFreshCatalog(int size) {
        replaceCatalog(size);
        emptyBucket();
        publisher.publishAll("benchmark: " + size + " products");
        return changes();
    }

    /**
     * {@link #CHANGES} single-product price changes, after {@link #WARM_UP_CHANGES} unmeasured ones (the change path's
     * code is compiled by then, at either size); their wall times in ms, sorted.
     */
    private List<Long> changes() {
        for (int i = 0; i < WARM_UP_CHANGES; i++) {
            changeOneProduct(CHANGES + i);
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < CHANGES; i++) {
            millis.add(changeOneProduct(i));
        }
        millis.sort(Long::compare);
        return millis;
    }

    /** Changes one product's price and publishes it; returns the wall time of both. */
    private long changeOneProduct(int run) {
        String sku = catalog.products(run, 1).get(0).sku();
        ProductData p = catalog.product(sku);
        ProductData changed = new ProductData(
                p.sku(),
                p.slug(),
                p.name(),
                p.description(),
                p.price() + 100,
                p.currency(),
                p.category(),
                p.images(),
                p.attributes(),
                p.active(),
                p.stockStatus(),
                false,
                null);
        long start = System.nanoTime();
        ProductChange change = catalog.update(sku, changed);
        PublishOutcome outcome = publisher.publish(change, "benchmark change " + run);
        assertTrue(outcome.succeeded());
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The generated catalog of {@code size} products, seeded the way a first local start seeds the sample. */
    private void replaceCatalog(int size) {
        QuarkusTransaction.requiringNew().run(() -> {
            Product.deleteAll();
            Category.deleteAll();
        });
        assertTrue(sample.seedIfEmpty(size));
    }

    private void emptyBucket() {
        List<ObjectIdentifier> keys = new ArrayList<>();
        s3.listObjectsV2Paginator(r -> r.bucket(s3Settings.bucket()))
                .contents()
                .forEach(o -> keys.add(ObjectIdentifier.builder().key(o.key()).build()));
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000));
            s3.deleteObjects(r -> r.bucket(s3Settings.bucket())
                    .delete(Delete.builder().objects(batch).build()));
        }
        assertTrue(
                s3.listObjectsV2(r -> r.bucket(s3Settings.bucket())).contents().isEmpty(), "bucket emptied");
    }
}
