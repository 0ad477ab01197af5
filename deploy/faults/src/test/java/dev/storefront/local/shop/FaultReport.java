package dev.storefront.local.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * The counts of one fault scenario: every request sent, what succeeded, every failure by kind, and the verdict on the
 * orders. Written to {@code target/fault-reports/<scenario>.md} and logged, so a run shows what the clients lived
 * through, not just that the assertions held.
 */
final class FaultReport {
    private static final Logger LOG = Logger.getLogger(FaultReport.class);

    private final String scenario;
    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> successes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, String> facts = new ConcurrentHashMap<>();

    FaultReport(String scenario) {
        this.scenario = scenario;
    }

    void success(String call) {
        requests.increment();
        successes.computeIfAbsent(call, c -> new LongAdder()).increment();
    }

    /** A request that failed: {@code kind} says how ("502", "connection refused", "503 cart-unavailable" …). */
    void failure(String call, String kind) {
        requests.increment();
        failures.computeIfAbsent(call + " → " + kind, c -> new LongAdder()).increment();
    }

    /** A named figure of the scenario's outcome, such as orders lost. */
    void fact(String name, Object value) {
        facts.put(name, String.valueOf(value));
    }

    long failures(String call, String kind) {
        LongAdder count = failures.get(call + " → " + kind);
        return count == null ? 0 : count.sum();
    }

    /** Failed requests of every call that got an HTTP {@code status}. */
    long failuresWithStatus(int status) {
        return failures.entrySet().stream()
                .filter(e -> e.getKey().contains(" → " + status))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    String render() {
        StringBuilder out = new StringBuilder("## " + scenario + "\n\n| What | Count |\n|---|---|\n");
        out.append("| requests sent | ").append(requests.sum()).append(" |\n");
        new TreeMap<>(successes).forEach((call, n) -> out.append("| ok: ")
                .append(call)
                .append(" | ")
                .append(n.sum())
                .append(" |\n"));
        new TreeMap<>(failures).forEach((call, n) -> out.append("| failed: ")
                .append(call)
                .append(" | ")
                .append(n.sum())
                .append(" |\n"));
        new TreeMap<>(facts).forEach((name, value) -> out.append("| ")
                .append(name)
                .append(" | ")
                .append(value)
                .append(" |\n"));
        return out.toString();
    }

    /** Logs the table and writes it beside the other scenarios' reports. */
    void write() {
        String table = render();
        LOG.info("\n" + table);
        Path dir = Path.of(System.getProperty("fault.reports.dir", "target/fault-reports"));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(scenario.replaceAll("[^A-Za-z0-9]+", "-") + ".md"), table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return render();
    }
}
