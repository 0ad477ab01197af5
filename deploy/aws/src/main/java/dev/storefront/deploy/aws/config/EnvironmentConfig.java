package dev.storefront.deploy.aws.config;

import java.util.Map;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between environments. Both environments build the same stacks from these values, so a
 * difference between dev and prod is always a visible difference here, never a copied stack.
 *
 * @param name {@code dev} or {@code prod}; prefixes stack names, secret names and ECR repositories
 * @param region the AWS region (explicit, so synth never needs a lookup)
 * @param maxAzs availability zones the VPC spans
 * @param natGateways NAT gateways (one is cheaper, one per AZ survives an AZ outage)
 * @param dbMinAcu Aurora Serverless v2 minimum capacity
 * @param dbMaxAcu Aurora Serverless v2 maximum capacity
 * @param dbReaders Aurora reader instances (a reader in another AZ gives fast failover)
 * @param rdsProxy whether the services connect through an RDS Proxy
 * @param retainData keep the database (snapshot), bucket and repositories when the stack is deleted
 * @param logRetention how long container logs are kept
 * @param publishSchedule EventBridge cron expression for the full catalog republish, e.g. {@code cron(0 3 * * ? *)}
 * @param jwtIssuer the {@code iss} of access tokens
 * @param traceExport whether each task runs an AWS Distro for OpenTelemetry collector beside the service that sends
 *     its spans to X-Ray (the collector takes about 64 MiB of the task: a 512 MiB task has no room for it beside the
 *     heap, see {@code ApiService#HEAP_PERCENT_OF_TASK_MEMORY})
 * @param sizing per-service sizing, keyed by {@link ServiceSpec#name()}
 */
public record EnvironmentConfig(
        String name,
        String region,
        int maxAzs,
        int natGateways,
        double dbMinAcu,
        double dbMaxAcu,
        int dbReaders,
        boolean rdsProxy,
        boolean retainData,
        RetentionDays logRetention,
        String publishSchedule,
        String jwtIssuer,
        boolean traceExport,
        Map<String, ServiceSizing> sizing) {

    public EnvironmentConfig {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (!sizing.containsKey(spec.name())) {
                throw new IllegalArgumentException(name + ": no sizing for " + spec.name());
            }
        }
        sizing = Map.copyOf(sizing);
    }

    public ServiceSizing sizing(ServiceSpec spec) {
        return sizing.get(spec.name());
    }

    /**
     * Small and cheap: one task each, one NAT gateway, the database scales to its floor, data is disposable; no trace
     * export (trace ids are still in the logs).
     */
    public static EnvironmentConfig dev() {
        ServiceSizing small = new ServiceSizing(256, 512, 1, 1, 2, 70, 500);
        return new EnvironmentConfig(
                "dev",
                "eu-central-1",
                2,
                1,
                0.5,
                2,
                0,
                false,
                false,
                RetentionDays.ONE_WEEK,
                "cron(0 3 * * ? *)",
                "storefront-accounts",
                false,
                Map.of(
                        ServiceSpec.ACCOUNT.name(), small,
                        ServiceSpec.CART.name(), small,
                        ServiceSpec.ORDER.name(), small,
                        ServiceSpec.CATALOG.name(), small));
    }

    /**
     * Two tasks at least for every service (one per AZ), more room for carts, a NAT gateway and a database reader per
     * AZ, data kept on delete, sampled traces in X-Ray.
     */
    public static EnvironmentConfig prod() {
        return new EnvironmentConfig(
                "prod",
                "eu-central-1",
                2,
                2,
                1,
                16,
                1,
                false,
                true,
                RetentionDays.THREE_MONTHS,
                "cron(0 3 * * ? *)",
                "storefront-accounts",
                true,
                Map.of(
                        ServiceSpec.ACCOUNT.name(), new ServiceSizing(512, 1024, 2, 2, 6, 60, 400),
                        ServiceSpec.CART.name(), new ServiceSizing(512, 1024, 3, 3, 12, 60, 400),
                        ServiceSpec.ORDER.name(), new ServiceSizing(512, 1024, 2, 2, 8, 60, 400),
                        ServiceSpec.CATALOG.name(), new ServiceSizing(512, 1024, 2, 2, 3, 70, 200)));
    }

    /** The environment named by {@code -c env=...}. */
    public static EnvironmentConfig named(String name) {
        return switch (name) {
            case "dev" -> dev();
            case "prod" -> prod();
            default -> throw new IllegalArgumentException("Unknown env '" + name + "': use -c env=dev or -c env=prod");
        };
    }

    /** A copy with the region and RDS Proxy switch overridden from context. */
    public EnvironmentConfig with(String region, boolean rdsProxy) {
        return new EnvironmentConfig(
                name,
                region,
                maxAzs,
                natGateways,
                dbMinAcu,
                dbMaxAcu,
                dbReaders,
                rdsProxy,
                retainData,
                logRetention,
                publishSchedule,
                jwtIssuer,
                traceExport,
                sizing);
    }
}
