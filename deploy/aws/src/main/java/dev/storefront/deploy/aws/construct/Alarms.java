package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSizing;
import dev.storefront.deploy.aws.config.ServiceSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.HttpCodeTarget;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationTargetGroupMetrics;
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * CloudWatch alarms for what users would notice or soon will: per API service its 5xx answers, its p99 latency, tasks
 * failing or missing behind the ALB, and CPU or memory near the task's limit; for the database its CPU, capacity,
 * memory, local storage and connections. Every alarm notifies (and clears) through one SNS topic, which has no
 * subscription here: ops subscribe to it (docs/observability.md). Thresholds and why they are what they are: same doc.
 */
public class Alarms extends Construct {
    private final EnvironmentConfig config;
    private final Topic topic;
    private final SnsAction notify;

    public Alarms(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        this.config = config;
        topic = Topic.Builder.create(this, "Topic")
                .topicName("storefront-" + config.name() + "-alarms")
                .displayName("Storefront " + config.name() + " alarms")
                .enforceSsl(true)
                .build();
        // Not encrypted with KMS: it carries only alarm state changes, and CloudWatch cannot publish to a topic
        // encrypted with the AWS-managed SNS key.
        notify = new SnsAction(topic);
    }

    /** The alarms of one API service, from its ALB target group and its ECS service. */
    public void watch(ApiService service) {
        ServiceSpec spec = service.spec();
        ServiceSizing sizing = config.sizing(spec);
        IApplicationTargetGroupMetrics alb = service.targetGroup().getMetrics();
        String prefix = spec.constructId();

        // A 5xx is a bug (or a dependency down, for order-service's 503); a few in a deployment or a blip do not page.
        alarm(
                prefix + "Target5xx",
                spec.name() + "-5xx",
                alb.httpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, every(5, "Sum")),
                5,
                1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                spec.name() + " answered 5 or more 5xx in 5 minutes. Find them in its log group by level ERROR, "
                        + "or by status in the ALB access log, and follow one by its requestId.");
        alarm(
                prefix + "P99",
                spec.name() + "-p99-latency",
                alb.targetResponseTime(every(1, "p99")),
                1,
                5,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                spec.name() + " p99 response time above 1 s for 5 minutes in a row (ALB TargetResponseTime). "
                        + "Check its CPU, the database, and for order-service cart-service's latency.");
        alarm(
                prefix + "Unhealthy",
                spec.name() + "-unhealthy-tasks",
                alb.unhealthyHostCount(every(1, "Maximum")),
                1,
                3,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                spec.name() + " has a task failing " + ApiService.READINESS_PATH + " (management port "
                        + ApiService.MANAGEMENT_PORT + ") for 3 minutes; ECS should have replaced it. "
                        + "Check the task's log (database or bucket unreachable?) and the ECS service events.");
        // No data here means no target reports at all, which is as bad as none healthy.
        alarm(
                prefix + "NoHealthyTask",
                spec.name() + "-no-healthy-task",
                alb.healthyHostCount(every(1, "Minimum")),
                1,
                2,
                ComparisonOperator.LESS_THAN_THRESHOLD,
                TreatMissingData.BREACHING,
                spec.name() + " has no healthy task behind the ALB: its API is down. Check the ECS service events.");
        alarm(
                prefix + "Cpu",
                spec.name() + "-cpu-high",
                service.service().metricCpuUtilization(every(5, "Average")),
                85,
                2,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                spec.name() + " average CPU above 85 % for 10 minutes (autoscaling aims at " + sizing.cpuTargetPercent()
                        + " % and stops at " + sizing.maxCapacity()
                        + " tasks): raise maxCapacity or find the hot path.");
        alarm(
                prefix + "Memory",
                spec.name() + "-memory-high",
                service.service().metricMemoryUtilization(every(5, "Average")),
                90,
                2,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                spec.name() + " average memory above 90 % of the task for 10 minutes; the heap may use "
                        + (int) ApiService.HEAP_PERCENT_OF_TASK_MEMORY
                        + " %, so this is off-heap growth and the task is near an out-of-memory kill.");
    }

    /** The database's alarms (cluster-level Aurora metrics). */
    public void watch(DatabaseCluster cluster) {
        alarm(
                "DatabaseCpu",
                "database-cpu-high",
                cluster.metricCPUUtilization(every(5, "Average")),
                80,
                3,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Aurora CPU above 80 % for 15 minutes: slow queries or too little capacity (see database-acu-high).");
        alarm(
                "DatabaseAcu",
                "database-acu-high",
                cluster.metricACUUtilization(every(5, "Average")),
                90,
                3,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "Aurora Serverless v2 above 90 % of its maximum capacity (" + config.dbMaxAcu()
                        + " ACU) for 15 minutes: it cannot scale further; raise dbMaxAcu or cut the load.");
        alarm(
                "DatabaseMemory",
                "database-freeable-memory-low",
                cluster.metricFreeableMemory(every(5, "Minimum")),
                256 * 1024 * 1024,
                3,
                ComparisonOperator.LESS_THAN_THRESHOLD,
                "Aurora freeable memory below 256 MiB for 15 minutes: its cache is being squeezed.");
        alarm(
                "DatabaseLocalStorage",
                "database-local-storage-low",
                cluster.metricFreeLocalStorage(every(5, "Minimum")),
                1024 * 1024 * 1024,
                3,
                ComparisonOperator.LESS_THAN_THRESHOLD,
                "Aurora free local storage (temporary files of sorts and hashes) below 1 GiB for 15 minutes; "
                        + "queries that spill fail when it runs out. The cluster volume itself grows on its own.");
        int pools = poolCeiling();
        alarm(
                "DatabaseConnections",
                "database-connections-high",
                cluster.metricDatabaseConnections(every(5, "Maximum")),
                pools * 8 / 10,
                3,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                "More than 80 % of the " + pools + " connections the services' pools can open at full scale, for 15 "
                        + "minutes: the pools are saturated (see agroal_awaiting_count) or something else holds "
                        + "connections.");
    }

    /** Connections all services' pools can hold at their autoscaling maximum. */
    private int poolCeiling() {
        return ServiceSpec.ALL.stream()
                .mapToInt(spec -> config.sizing(spec).maxCapacity() * spec.dbPoolMax())
                .sum();
    }

    public Topic topic() {
        return topic;
    }

    private Alarm alarm(
            String id,
            String name,
            Metric metric,
            double threshold,
            int periods,
            ComparisonOperator comparison,
            String description) {
        return alarm(id, name, metric, threshold, periods, comparison, TreatMissingData.NOT_BREACHING, description);
    }

    /** An alarm that fires after {@code periods} breaching periods in a row and notifies when it fires and clears. */
    private Alarm alarm(
            String id,
            String name,
            Metric metric,
            double threshold,
            int periods,
            ComparisonOperator comparison,
            TreatMissingData missingData,
            String description) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmName("storefront-" + config.name() + "-" + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(periods)
                .comparisonOperator(comparison)
                .treatMissingData(missingData)
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        return alarm;
    }

    private static MetricOptions every(int minutes, String statistic) {
        return MetricOptions.builder()
                .period(Duration.minutes(minutes))
                .statistic(statistic)
                .build();
    }
}
