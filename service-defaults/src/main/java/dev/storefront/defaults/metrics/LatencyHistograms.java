package dev.storefront.defaults.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Publishes HTTP latency (of requests served, and of calls to other services) as a Prometheus histogram, so p50 and
 * p99 per endpoint (uri template, method, status) can be computed with {@code histogram_quantile}, also across
 * instances. Micrometer's own percentile histogram would add about 70 buckets to every series; these fixed bounds keep
 * the series count small and still resolve what matters here, from 5 ms (and the 20 ms goal exactly) to 5 s.
 */
@Singleton
public class LatencyHistograms {
    /** Upper bounds of the buckets; Prometheus adds {@code +Inf}. */
    private static final Duration[] BUCKETS = Stream.of(5, 10, 15, 20, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    private static final Set<String> HTTP_TIMERS = Set.of("http.server.requests", "http.client.requests");

    @Produces
    @Singleton
    public MeterFilter httpLatencyBuckets() {
        double[] boundsInNanos =
                Stream.of(BUCKETS).mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_TIMERS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(boundsInNanos)
                        .build()
                        .merge(config);
            }
        };
    }
}
