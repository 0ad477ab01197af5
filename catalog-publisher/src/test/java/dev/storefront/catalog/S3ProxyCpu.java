package dev.storefront.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time used so far by the local S3 API (s3proxy, a JVM this test JVM started), from Linux's
 * {@code /proc/<pid>/stat}: the benchmark reports it beside the publisher's own, since on a shared machine CPU per
 * object says more than wall time. 0 where there is no {@code /proc} or no s3proxy child.
 */
final class S3ProxyCpu {
    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final double TICKS = 100.0;

    private S3ProxyCpu() {}

    static double seconds() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("s3proxy"))
                .mapToDouble(p -> seconds(p.pid()))
                .sum();
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After the command's name in parentheses: state is field 3, utime field 14, stime field 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
