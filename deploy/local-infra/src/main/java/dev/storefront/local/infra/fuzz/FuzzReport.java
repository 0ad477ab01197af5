package dev.storefront.local.infra.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one run sent and got: per operation the number of requests and the statuses seen, and every failure. */
public final class FuzzReport {
    /** Failures shown in full in an assertion message; the rest are counted. */
    private static final int SHOWN = 15;

    private final String service;
    private final long seed;
    private final Map<String, Stats> operations = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private long millis;
    private long answeringNanos;
    private long snapshottingNanos;

    FuzzReport(String service, long seed) {
        this.service = service;
        this.seed = seed;
    }

    /** Counts for one operation. */
    public static final class Stats {
        int requests;
        int withToken;
        int accepted;
        int serverLevel;
        int failures;
        final TreeMap<Integer, Integer> statuses = new TreeMap<>();

        public int requests() {
            return requests;
        }
    }

    Stats of(String operation) {
        return operations.computeIfAbsent(operation, o -> new Stats());
    }

    void fail(FuzzCase request, String why, String answer) {
        of(request.operation()).failures++;
        failures.add(
                why + "\n  operation: " + request.operation() + " case " + request.index() + " (reproduce: -Dfuzz.seed="
                        + seed + " -Dfuzz.only='" + request.operation() + "#" + request.index() + "')\n  defect: "
                        + request.defect() + "\n  request: " + request.describe() + "\n  answer: " + answer);
    }

    void answering(long nanos) {
        answeringNanos += nanos;
    }

    void snapshotting(long nanos) {
        snapshottingNanos += nanos;
    }

    void took(long millis) {
        this.millis = millis;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<String, Stats> operations() {
        return Map.copyOf(operations);
    }

    public int requests() {
        return operations.values().stream().mapToInt(s -> s.requests).sum();
    }

    /** The fewest requests any operation got. */
    public int minimumPerOperation() {
        return operations.values().stream().mapToInt(s -> s.requests).min().orElse(0);
    }

    /** Answers of 500 and above, summed over every operation. */
    public int serverErrors() {
        return operations.values().stream()
                .flatMap(s -> s.statuses.entrySet().stream())
                .filter(e -> e.getKey() >= 500)
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    /** Statuses over all operations. */
    public TreeMap<Integer, Integer> statuses() {
        TreeMap<Integer, Integer> all = new TreeMap<>();
        operations.values().forEach(s -> s.statuses.forEach((status, n) -> all.merge(status, n, Integer::sum)));
        return all;
    }

    /** The table printed after a run (and kept in {@code target/fuzz-report.txt}). */
    public String summary() {
        StringBuilder text = new StringBuilder()
                .append(service)
                .append(": ")
                .append(requests())
                .append(" requests over ")
                .append(operations.size())
                .append(" operations in ")
                .append(millis / 1000.0)
                .append(" s (answers ")
                .append(answeringNanos / 1_000_000 / 1000.0)
                .append(" s, reading the stored state ")
                .append(snapshottingNanos / 1_000_000 / 1000.0)
                .append(" s; seed ")
                .append(seed)
                .append("), at least ")
                .append(minimumPerOperation())
                .append(" per operation; statuses ")
                .append(statuses())
                .append("; >= 500: ")
                .append(serverErrors())
                .append("; failures: ")
                .append(failures.size())
                .append('\n');
        operations.forEach((operation, s) -> text.append(String.format(
                "  %-48s %5d requests (%d with a valid token), accepted %d, server-level %d, failures %d, statuses %s%n",
                operation, s.requests, s.withToken, s.accepted, s.serverLevel, s.failures, s.statuses)));
        return text.toString();
    }

    /** The assertion message: the summary and the first failures in full. */
    public String failureMessage() {
        StringBuilder text = new StringBuilder(summary());
        failures.stream().limit(SHOWN).forEach(f -> text.append("\n").append(f).append('\n'));
        if (failures.size() > SHOWN) {
            text.append("\n… and ").append(failures.size() - SHOWN).append(" more failures");
        }
        return text.toString();
    }
}
