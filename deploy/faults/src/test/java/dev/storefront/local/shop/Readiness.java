package dev.storefront.local.shop;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls every instance's {@code /q/health/ready} on its management port as the load balancer does (every 100 ms here,
 * each instance on its own, so one whose check is slow while the database is down does not delay the others' polls
 * past a short outage), remembering which instances reported not-ready and which are ready now.
 */
final class Readiness implements AutoCloseable {
    private final List<ServiceInstance> instances;
    private final Set<String> wentDown = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;

    private Readiness(List<ServiceInstance> instances) {
        this.instances = instances;
        this.poller = Executors.newScheduledThreadPool(instances.size());
    }

    static Readiness watch(List<ServiceInstance> instances) {
        Readiness readiness = new Readiness(instances);
        for (ServiceInstance instance : instances) {
            readiness.poller.scheduleWithFixedDelay(() -> readiness.poll(instance), 0, 100, TimeUnit.MILLISECONDS);
        }
        return readiness;
    }

    private void poll(ServiceInstance instance) {
        boolean up = instance.isReady();
        ready.put(instance.name(), up);
        if (!up) {
            wentDown.add(instance.name());
        }
    }

    boolean wentDown(ServiceInstance instance) {
        return wentDown.contains(instance.name());
    }

    /** True once every instance has answered ready on the latest poll. */
    boolean allReady() {
        return instances.stream().allMatch(i -> ready.getOrDefault(i.name(), false));
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
