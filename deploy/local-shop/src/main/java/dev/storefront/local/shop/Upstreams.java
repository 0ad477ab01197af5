package dev.storefront.local.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The edge's routing table: like the ALB's listener rules, a path prefix picks a target group and requests go
 * round-robin across its instances.
 */
final class Upstreams {
    /** One target group: the instances of a service. */
    record Target(String service, int port) {}

    private final Map<String, List<Target>> byPrefix = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> next = new ConcurrentHashMap<>();

    void add(String prefix, String service, int port) {
        byPrefix.computeIfAbsent(prefix, p -> new CopyOnWriteArrayList<>()).add(new Target(service, port));
        next.computeIfAbsent(prefix, p -> new AtomicInteger());
    }

    /**
     * The targets for {@code path} in the order to try them: round-robin start, then the others (a refused connection
     * never reached the instance, so moving on to the next one is safe for any method). A path that could resolve
     * outside the prefix it matches (see {@link RequestPaths}) has no route, whoever asks.
     */
    Optional<List<Target>> route(String path) {
        if (!RequestPaths.isSafe(path)) {
            return Optional.empty();
        }
        return byPrefix.keySet().stream()
                .filter(prefix -> matches(path, prefix))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(prefix -> rotation(prefix, byPrefix.get(prefix)));
    }

    private List<Target> rotation(String prefix, List<Target> targets) {
        int start = Math.floorMod(next.get(prefix).getAndIncrement(), targets.size());
        List<Target> ordered = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            ordered.add(targets.get((start + i) % targets.size()));
        }
        return ordered;
    }

    /** {@code /api/carts*} in ALB terms: the prefix itself, or anything that continues it. */
    private static boolean matches(String path, String prefix) {
        return path.startsWith(prefix);
    }
}
