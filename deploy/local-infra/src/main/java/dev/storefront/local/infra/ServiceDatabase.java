package dev.storefront.local.infra;

import java.util.Arrays;
import java.util.Optional;

/**
 * The schema and login role each service owns in the shared cluster, mirroring the RDS layout: one
 * database, one schema and one role per bounded context, and no role may use another's schema.
 */
public enum ServiceDatabase {
    ACCOUNT("account-service", "account", "account_service"),
    CART("cart-service", "cart", "cart_service"),
    ORDERS("order-service", "orders", "order_service"),
    CATALOG("catalog-publisher", "catalog", "catalog_service");

    /** The single database that holds every service's schema. */
    public static final String DATABASE = "storefront";

    private final String serviceName;
    private final String schema;
    private final String role;

    ServiceDatabase(String serviceName, String schema, String role) {
        this.serviceName = serviceName;
        this.schema = schema;
        this.role = role;
    }

    public String serviceName() {
        return serviceName;
    }

    public String schema() {
        return schema;
    }

    public String role() {
        return role;
    }

    /** Looks a service up by its module / application name, e.g. {@code cart-service}. */
    public static Optional<ServiceDatabase> forService(String serviceName) {
        return Arrays.stream(values())
                .filter(s -> s.serviceName.equals(serviceName))
                .findFirst();
    }

    public static ServiceDatabase require(String serviceName) {
        return forService(serviceName)
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown service '" + serviceName + "'; expected one of "
                                + Arrays.stream(values())
                                        .map(ServiceDatabase::serviceName)
                                        .toList()));
    }
}
