package dev.storefront.deploy.aws.construct;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * The AWS Distro for OpenTelemetry collector as a sidecar of one service's task: it takes the service's spans over OTLP
 * on {@code localhost:4317} (the task's own network namespace: nothing outside the task can reach it) and sends them
 * to AWS X-Ray, which it may write to with the task role. The service is told where it is by
 * {@value #ENDPOINT_VARIABLE}; without that variable it exports nothing (service-defaults' {@code NoSpanExport}).
 *
 * <p>Not essential: if the collector stops, the service keeps serving and only spans are lost.
 */
public final class TraceCollector {
    public static final String CONTAINER_NAME = "otel-collector";
    /** A pinned release, so a deployment never picks up a new collector by itself. */
    public static final String IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";
    /** What the service reads (service-defaults maps it to {@code quarkus.otel.exporter.otlp.endpoint}). */
    public static final String ENDPOINT_VARIABLE = "OTEL_EXPORTER_OTLP_ENDPOINT";
    /** OTLP over gRPC, Quarkus's default protocol, on loopback. */
    public static final String ENDPOINT = "http://localhost:4317";
    /** The collector's hard limit; its memory limiter keeps it below, dropping spans rather than being killed. */
    public static final int MEMORY_MIB = 64;

    /**
     * The collector's whole configuration (ADOT reads it from {@code AOT_CONFIG_CONTENT}): OTLP in on loopback, batched,
     * X-Ray out. The region comes from the task's environment.
     */
    static final String CONFIG = """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 127.0.0.1:4317
            processors:
              memory_limiter:
                check_interval: 1s
                limit_mib: 48
                spike_limit_mib: 12
              batch:
                timeout: 5s
            exporters:
              awsxray: {}
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [memory_limiter, batch]
                  exporters: [awsxray]
            """;

    private TraceCollector() {}

    /** Adds the collector to {@code task}, logging to {@code logs} under {@code otel-collector/}. */
    public static void addTo(FargateTaskDefinition task, ILogGroup logs) {
        task.addContainer(
                CONTAINER_NAME,
                ContainerDefinitionOptions.builder()
                        .image(ContainerImage.fromRegistry(IMAGE))
                        .essential(false)
                        .memoryLimitMiB(MEMORY_MIB)
                        .environment(Map.of("AOT_CONFIG_CONTENT", CONFIG))
                        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix(CONTAINER_NAME)
                                .build()))
                        .build());
        // What X-Ray's own daemon policy (AWSXRayDaemonWriteAccess) allows, written out: X-Ray has no resources to
        // scope these actions to.
        task.addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of(
                        "xray:PutTraceSegments",
                        "xray:PutTelemetryRecords",
                        "xray:GetSamplingRules",
                        "xray:GetSamplingTargets",
                        "xray:GetSamplingStatisticSummaries"))
                .resources(List.of("*"))
                .build());
        Nag.suppress(
                task,
                "AwsSolutions-IAM5",
                "X-Ray's write actions (PutTraceSegments, PutTelemetryRecords, sampling rules) have no resource-level "
                        + "permissions.",
                "Resource::\\*");
    }
}
