package dev.storefront.local.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Puts the management interface of the service under test ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi})
 * on a free loopback port, the same one for a {@code @QuarkusTest} and for the packaged app of its {@code *IT} (which
 * runs with the prod profile, so would otherwise take the service's fixed local port, 908x), and hands that port to
 * test fields marked {@link InjectManagementPort}. Declare it once per module with
 * {@code scope = TestResourceScope.GLOBAL}: every test class then gets it, and no Quarkus restart is added.
 *
 * <p>Why not {@code quarkus.management.test-port=0}: that works for a {@code @QuarkusTest}, but Quarkus 3.34 does not
 * capture where the management interface of an integration test's app went (quarkusio/quarkus#55023, later).
 *
 * <p>Why the API's test port is pinned too, instead of 0: Quarkus's Vert.x metrics tag a server's meters
 * ({@code http_server_bytes_read}, …) with {@code server_port} only when its configured port is above 0, and the
 * Prometheus registry refuses two meters of one name with different tag keys; an app with its API on port 0 and its
 * management interface on a fixed port never finishes starting. In production both ports are fixed.
 */
public class ManagementTestResource implements QuarkusTestResourceLifecycleManager {
    private int managementPort;

    @Override
    public Map<String, String> start() {
        managementPort = FreePort.pick();
        String management = Integer.toString(managementPort);
        return Map.of(
                "quarkus.management.port", management,
                "quarkus.management.test-port", management,
                "quarkus.http.test-port", Integer.toString(FreePort.pick()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                managementPort, new TestInjector.AnnotatedAndMatchesType(InjectManagementPort.class, int.class));
    }

    @Override
    public void stop() {
        // nothing to stop: the app under test owns both ports
    }
}
