package dev.storefront.deploy.aws.config;

import java.util.List;

/**
 * What makes one API service itself, in every environment: its name (also the ECR repository and log group suffix),
 * the ALB path it owns, its database role and schema, and how much of the pages bucket it may touch.
 *
 * @param name the service name, e.g. {@code cart-service}
 * @param pathPattern the ALB path pattern routed to it, e.g. {@code /api/carts*}
 * @param listenerPriority the ALB listener-rule priority (unique per listener)
 * @param dbRole the PostgreSQL role it logs in as (owner of its schema)
 * @param schema the one schema the role owns
 * @param bucketAccess what it may do in the pages bucket
 * @param dbPoolMax its connection pool size: the default of {@code DB_POOL_MAX} in its application.properties, which
 *     the stack does not override
 */
public record ServiceSpec(
        String name,
        String pathPattern,
        int listenerPriority,
        String dbRole,
        String schema,
        BucketAccess bucketAccess,
        int dbPoolMax) {

    /** The least a service needs in the bucket: nothing, the published catalog JSON, or everything (the publisher). */
    public enum BucketAccess {
        NONE,
        READ_CATALOG,
        READ_WRITE
    }

    public static final ServiceSpec ACCOUNT = new ServiceSpec(
            "account-service", "/api/accounts*", 10, "account_service", "account", BucketAccess.NONE, 4);
    public static final ServiceSpec CART =
            new ServiceSpec("cart-service", "/api/carts*", 20, "cart_service", "cart", BucketAccess.READ_CATALOG, 8);
    public static final ServiceSpec ORDER = new ServiceSpec(
            "order-service", "/api/orders*", 30, "order_service", "orders", BucketAccess.READ_CATALOG, 4);
    public static final ServiceSpec CATALOG = new ServiceSpec(
            "catalog-publisher", "/api/catalog*", 40, "catalog_service", "catalog", BucketAccess.READ_WRITE, 4);

    /** Every API service, in a stable order (construct ids and listener priorities depend on it). */
    public static final List<ServiceSpec> ALL = List.of(ACCOUNT, CART, ORDER, CATALOG);

    /** A CloudFormation-friendly id, e.g. {@code CartService}. */
    public String constructId() {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
