package dev.storefront.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What Linux's {@code /proc} says about a process: the CPU time it used ({@code /proc/<pid>/stat}) and its resident
 * memory ({@code VmRSS} of {@code /proc/<pid>/status}). The benchmarks report both beside wall time, since on a shared
 * machine CPU time hardly grows when other work shares the cores.
 */
public final class ProcStat {
    /** Milliseconds per clock tick of {@code /proc/<pid>/stat} (USER_HZ is 100 on Linux). */
    private static final long MILLIS_PER_TICK = 10;

    private ProcStat() {}

    /** User plus system CPU time the process (all its threads) used so far, in ms; -1 where it cannot be read. */
    public static long cpuMillis(long pid) {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * User plus system CPU time in ms from one {@code stat} line (a process's, or a thread's from {@code
     * /proc/<pid>/task/<tid>/stat}).
     *
     * @throws RuntimeException when the line is not one
     */
    public static long cpuMillis(String stat) {
        // After the command name (which may hold spaces) come fields 3…; utime and stime are fields 14 and 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** Resident memory of the process in KiB ({@code VmRSS}), or -1 where that is not available. */
    public static long residentKilobytes(long pid) {
        return statusKilobytes(pid).getOrDefault("VmRSS", -1L);
    }

    /**
     * The KiB figures of {@code /proc/<pid>/status}, read once, by name (empty where it cannot be read): {@code VmRSS},
     * and its parts {@code RssAnon} (heap, stacks, malloc: the process's own) and {@code RssFile} (mapped files, such as
     * a JVM's CDS archive or AOT cache, which the page cache can share and drop), among others.
     */
    public static Map<String, Long> statusKilobytes(long pid) {
        try {
            Map<String, Long> figures = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.endsWith(" kB")) {
                    figures.put(
                            line.substring(0, colon),
                            Long.parseLong(
                                    line.substring(colon + 1, line.length() - 3).strip()));
                }
            }
            return figures;
        } catch (IOException | NumberFormatException e) {
            return Map.of();
        }
    }
}
