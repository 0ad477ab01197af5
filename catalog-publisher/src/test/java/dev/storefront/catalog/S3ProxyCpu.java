package dev.storefront.catalog;

import dev.storefront.local.infra.ProcStat;

/**
 * The CPU time used so far by the local S3 API (s3proxy, a JVM this test JVM started), from Linux's
 * {@code /proc/<pid>/stat}: the benchmark reports it beside the publisher's own, since on a shared machine CPU per
 * object says more than wall time. 0 where there is no {@code /proc} or no s3proxy child.
 */
final class S3ProxyCpu {
    private S3ProxyCpu() {}

    static double seconds() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("s3proxy"))
                .mapToDouble(p -> Math.max(0, ProcStat.cpuMillis(p.pid())) / 1000.0)
                .sum();
    }
}
