package dev.storefront.local.shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls every instance's {@code /q/health/ready} as the load balancer does (every 100 ms here), remembering which
 * instances reported not-ready and which are ready now.
 */
final class Readiness implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private final List<ServiceInstance> instances;
    private final Set<String> wentDown = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> ready = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();

    private Readiness(List<ServiceInstance> instances) {
        this.instances = instances;
    }

    static Readiness watch(List<ServiceInstance> instances) {
        Readiness readiness = new Readiness(instances);
        readiness.poller.scheduleWithFixedDelay(readiness::poll, 0, 100, TimeUnit.MILLISECONDS);
        return readiness;
    }

    private void poll() {
        for (ServiceInstance instance : instances) {
            boolean up = isReady(instance);
            ready.put(instance.name(), up);
            if (!up) {
                wentDown.add(instance.name());
            }
        }
    }

    private static boolean isReady(ServiceInstance instance) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.port() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
