package dev.storefront.local.shop;

import dev.storefront.local.infra.ServiceDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four API services the shop runs, with the edge path each owns and the ports of its first instance: the API's and
 * the management interface's ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}; never routed by the edge).
 */
enum ShopService {
    ACCOUNT("account", ServiceDatabase.ACCOUNT, "/api/accounts", 8081, 9081, false),
    CART("cart", ServiceDatabase.CART, "/api/carts", 8082, 9082, true),
    ORDER("order", ServiceDatabase.ORDERS, "/api/orders", 8083, 9083, true),
    CATALOG("catalog", ServiceDatabase.CATALOG, "/api/catalog", 8084, 9084, true);

    private final String shortName;
    private final ServiceDatabase database;
    private final String routePrefix;
    private final int basePort;
    private final int baseManagementPort;
    private final boolean usesBucket;

    ShopService(
            String shortName,
            ServiceDatabase database,
            String routePrefix,
            int basePort,
            int baseManagementPort,
            boolean usesBucket) {
        this.shortName = shortName;
        this.database = database;
        this.routePrefix = routePrefix;
        this.basePort = basePort;
        this.baseManagementPort = baseManagementPort;
        this.usesBucket = usesBucket;
    }

    String shortName() {
        return shortName;
    }

    String moduleName() {
        return database.serviceName();
    }

    ServiceDatabase database() {
        return database;
    }

    String routePrefix() {
        return routePrefix;
    }

    boolean usesBucket() {
        return usesBucket;
    }

    /** Instance 1 listens on the base port, instance 2 on base + 100, and so on. */
    int port(int instance) {
        return basePort + 100 * (instance - 1);
    }

    /** The management interface of instance 1 listens on the base management port, instance 2 on base + 100, … */
    int managementPort(int instance) {
        return baseManagementPort + 100 * (instance - 1);
    }

    /** The packaged app that {@code ./mvnw package} leaves in the service's module. */
    Path runnerJar(Path repositoryRoot) {
        return repositoryRoot
                .resolve(moduleName())
                .resolve("target")
                .resolve("quarkus-app")
                .resolve("quarkus-run.jar");
    }

    static Optional<ShopService> byShortName(String name) {
        return Arrays.stream(values())
                .filter(s -> s.shortName.equals(name) || s.moduleName().equals(name))
                .findFirst();
    }
}
