package dev.storefront.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * What one run does: the edge it talks to, the arrival rates and the phases of the injection profile. Each setting is
 * read from a system property ({@code -Dload.rate=2}) or else from the environment ({@code LOAD_RATE=2}); run.sh sets
 * the environment.
 *
 * @param baseUrl the edge; loopback only, so a run can never be pointed at someone else's server
 * @param rate shoppers arriving per second in the steady phase
 * @param spikeFactor arrivals during the spike, as a multiple of {@code rate}
 * @param ramp time to go from one shopper per 10 s to {@code rate}
 * @param steady time at {@code rate}
 * @param spike time at {@code rate × spikeFactor} (reached within 5 s, and left within 5 s)
 * @param recovery time back at {@code rate} after the spike
 * @param thinkTime scales every pause (1 = the pauses of the model; 0.2 for a quick smoke)
 * @param accounts accounts made before the run for returning buyers to sign in with; by default one for every
 *     returning buyer the profile is expected to send, and a fifth more ({@link #accountsFor})
 */
record LoadSettings(
        URI baseUrl,
        double rate,
        double spikeFactor,
        Duration ramp,
        Duration steady,
        Duration spike,
        Duration recovery,
        double thinkTime,
        OptionalInt accounts) {

    /** Seconds the spike takes to rise and to fall. */
    static final Duration SPIKE_EDGE = Duration.ofSeconds(5);

    static LoadSettings fromEnvironment() {
        return new LoadSettings(
                loopback(URI.create(setting("baseUrl", "http://127.0.0.1:18080"))),
                positive("rate", Double.parseDouble(setting("rate", "4"))),
                positive("spikeFactor", Double.parseDouble(setting("spikeFactor", "4"))),
                duration("ramp", "45s"),
                duration("steady", "75s"),
                duration("spike", "30s"),
                duration("recovery", "45s"),
                Double.parseDouble(setting("thinkTime", "1")),
                accounts(setting("accounts", "")));
    }

    /**
     * Accounts enough that two returning buyers hardly ever sign in to the same one at once: a real customer does not
     * check out from two places in the same minute, and shoppers sharing an account share its cart, so one's order
     * would take what another put in. Handed out in turn, {@code share} of every arrival being a returning buyer.
     */
    int accountsFor(double share) {
        return accounts.orElseGet(() -> Math.max(30, (int) Math.ceil(arrivals() * share * 1.2)));
    }

    /** Shoppers the injection profile sends in all (each ramp at its mean rate). */
    double arrivals() {
        double peak = rate * spikeFactor;
        double edge = SPIKE_EDGE.toSeconds() * (rate + peak) / 2;
        return (Math.min(0.1, rate) + rate) / 2 * ramp.toSeconds()
                + rate * (steady.toSeconds() + recovery.toSeconds())
                + peak * spike.toSeconds()
                + 2 * edge;
    }

    /** Injection ends after this; sessions still running get {@link #sessionGrace()} to finish. */
    Duration injection() {
        return ramp.plus(steady).plus(SPIKE_EDGE).plus(spike).plus(SPIKE_EDGE).plus(recovery);
    }

    /** The hard stop of the run (Gatling's maxDuration): sessions still running then are cut off. */
    Duration maxDuration() {
        return injection().plus(sessionGrace());
    }

    Duration sessionGrace() {
        return Duration.ofSeconds(Math.max(20, Math.round(75 * thinkTime)));
    }

    /**
     * The phases as seconds from the start, {@code ramp:0-45,steady:45-120,…}: summary.py splits the report's
     * per-second series by them.
     */
    String phases() {
        long rampEnd = ramp.toSeconds();
        long steadyEnd = rampEnd + steady.toSeconds();
        long spikeStart = steadyEnd + SPIKE_EDGE.toSeconds();
        long spikeEnd = spikeStart + spike.toSeconds();
        long recoveryStart = spikeEnd + SPIKE_EDGE.toSeconds();
        long recoveryEnd = recoveryStart + recovery.toSeconds();
        return String.format(
                Locale.ROOT,
                "ramp:0-%d,steady:%d-%d,spike:%d-%d,recovery:%d-%d,finishing:%d-%d",
                rampEnd,
                rampEnd,
                steadyEnd,
                spikeStart,
                spikeEnd,
                recoveryStart,
                recoveryEnd,
                recoveryEnd,
                maxDuration().toSeconds());
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "%s: %.1f shoppers/s after a %ds ramp, %ds steady, %ds spike at %.1f/s, %ds recovery (think time x%.1f)",
                baseUrl,
                rate,
                ramp.toSeconds(),
                steady.toSeconds(),
                spike.toSeconds(),
                rate * spikeFactor,
                recovery.toSeconds(),
                thinkTime);
    }

    private static String setting(String name, String fallback) {
        String property = System.getProperty("load." + name);
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String env = System.getenv("LOAD_" + name.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT));
        return env != null && !env.isBlank() ? env.trim() : fallback;
    }

    /** Accepts {@code 90}, {@code 90s}, {@code 2m}. */
    private static Duration duration(String name, String fallback) {
        String value = setting(name, fallback).toLowerCase(Locale.ROOT);
        Duration duration;
        if (value.endsWith("m")) {
            duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        } else if (value.endsWith("s")) {
            duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        } else {
            duration = Duration.ofSeconds(Long.parseLong(value));
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("load." + name + " must be positive, got " + value);
        }
        return duration;
    }

    private static OptionalInt accounts(String value) {
        return value.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of((int) positive("accounts", Integer.parseInt(value)));
    }

    private static double positive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("load." + name + " must be positive, got " + value);
        }
        return value;
    }

    private static URI loopback(URI uri) {
        try {
            if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("load.baseUrl " + uri + " is not a loopback address; this scenario"
                        + " only runs against a local shop (127.0.0.1, localhost)");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("load.baseUrl " + uri + ": unknown host", e);
        }
        return uri;
    }
}
