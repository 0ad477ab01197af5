package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSizing;
import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.IRepository;
import software.amazon.awscdk.services.ecs.AppProtocol;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.RequestCountScalingProps;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.ecs.ServiceConnectProps;
import software.amazon.awscdk.services.ecs.ServiceConnectService;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.servicediscovery.INamespace;
import software.constructs.Construct;

/**
 * One API service as its own ECS Fargate service: its task definition sized from configuration, its log group, its
 * ALB target group and path rule, its own target-tracking autoscaling on CPU and on requests per task, and its
 * Service Connect endpoint ({@link #internalUrl}) for the other services. Used once per service, so the four differ
 * only in what {@link Props} says.
 *
 * <p>Each task serves its API on {@link #CONTAINER_PORT} and its management endpoints ({@code /q/health},
 * {@code /q/metrics}, {@code /q/openapi}) on {@link #MANAGEMENT_PORT}, Quarkus's separate management interface. The
 * ALB routes requests to the API port only and checks readiness on the management port, which only the ALB's security
 * group may reach: no path written into a request, however it is encoded, can get from the ALB to a management
 * endpoint.
 */
public class ApiService extends Construct {
    /** Every service listens here in AWS (locally each has its own port). */
    public static final int CONTAINER_PORT = 8080;

    public static final String CONTAINER_NAME = "app";
    /** The container's named port: Service Connect refers to the port mapping by this name. */
    public static final String PORT_NAME = "http";

    /** Quarkus's management interface ({@code QUARKUS_MANAGEMENT_PORT}): health, metrics, OpenAPI. */
    public static final int MANAGEMENT_PORT = 9000;

    public static final String MANAGEMENT_PORT_NAME = "management";

    /** On {@link #MANAGEMENT_PORT}; the API port answers 404 to it. */
    public static final String READINESS_PATH = "/q/health/ready";

    /**
     * The largest heap, as a share of the task's memory (the JVM sees the task's memory as its limit). The JVM's own
     * default is 25 %, which leaves a 512 MiB dev task with a 128 MiB heap and most of the task idle; 75 % would leave
     * a dev task 128 MiB for everything else, and the Service Connect proxy (AWS budgets about 64 MiB for it) shares
     * the task with the JVM's metaspace, code cache and thread stacks (about 100–150 MiB for these services). 60 %
     * leaves 205 MiB of a 512 MiB task and 410 MiB of a 1024 MiB one for them. docs/deploy.md says the same.
     */
    public static final double HEAP_PERCENT_OF_TASK_MEMORY = 60.0;

    /**
     * What one service needs from the stack.
     *
     * @param namespace the cluster's Cloud Map namespace, in which this service registers its Service Connect endpoint
     * @param environment plain configuration, never credentials
     * @param secrets credentials, injected by ECS from Secrets Manager at task start
     */
    public record Props(
            ServiceSpec spec,
            EnvironmentConfig config,
            Network network,
            Cluster cluster,
            INamespace namespace,
            ApplicationListener listener,
            IRepository repository,
            String imageTag,
            Map<String, String> environment,
            Map<String, Secret> secrets) {}

    private final ServiceSpec spec;
    private final LogGroup logs;
    private final FargateTaskDefinition taskDefinition;
    private final FargateService service;
    private final SecurityGroup securityGroup;
    private final ApplicationTargetGroup targetGroup;

    public ApiService(Construct scope, String id, Props props) {
        super(scope, id);
        spec = props.spec();
        ServiceSizing sizing = props.config().sizing(spec);

        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .family("storefront-" + props.config().name() + "-" + spec.name())
                .cpu(sizing.cpu())
                .memoryLimitMiB(sizing.memoryMiB())
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
        logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/storefront/" + props.config().name() + "/" + spec.name())
                .retention(props.config().logRetention())
                .removalPolicy(Removal.of(props.config()))
                .build();
        taskDefinition.addContainer(CONTAINER_NAME, container(props));
        if (props.config().traceExport()) {
            TraceCollector.addTo(taskDefinition, logs);
        }

        securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(props.network().vpc())
                .description(spec.name() + " tasks")
                .build();
        // The target group opens the API port to the ALB by itself; the health check's port it leaves closed.
        securityGroup
                .getConnections()
                .allowFrom(
                        props.listener(),
                        Port.tcp(MANAGEMENT_PORT),
                        "ALB health checks on " + spec.name() + "'s management port");
        service = FargateService.Builder.create(this, "Service")
                .serviceName(spec.name())
                .cluster(props.cluster())
                .taskDefinition(taskDefinition)
                .desiredCount(sizing.desiredCount())
                .vpcSubnets(props.network().appSubnets())
                .securityGroups(List.of(securityGroup))
                .assignPublicIp(false)
                // A deployment whose tasks never get healthy is rolled back instead of leaving the service broken.
                .circuitBreaker(DeploymentCircuitBreaker.builder()
                        .enable(true)
                        .rollback(true)
                        .build())
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                // Flyway migrates at start; give the JVM that time before the ALB's verdict counts.
                .healthCheckGracePeriod(Duration.seconds(90))
                .serviceConnectConfiguration(serviceConnect(props.namespace()))
                .build();

        targetGroup = props.listener()
                .addTargets(
                        spec.constructId(),
                        AddApplicationTargetsProps.builder()
                                .priority(spec.listenerPriority())
                                .conditions(List.of(ListenerCondition.pathPatterns(List.of(spec.pathPattern()))))
                                .port(CONTAINER_PORT)
                                .protocol(ApplicationProtocol.HTTP)
                                .targets(List.of(service))
                                .healthCheck(HealthCheck.builder()
                                        .port(String.valueOf(MANAGEMENT_PORT))
                                        .path(READINESS_PATH)
                                        .healthyHttpCodes("200")
                                        .interval(Duration.seconds(15))
                                        .healthyThresholdCount(2)
                                        .unhealthyThresholdCount(3)
                                        .build())
                                // Requests are short; a long drain only slows every deployment down.
                                .deregistrationDelay(Duration.seconds(30))
                                .build());
        autoscale(sizing);
        suppressFindings();
    }

    private void suppressFindings() {
        Nag.suppress(
                taskDefinition,
                "AwsSolutions-ECS2",
                "Only non-secret configuration (URLs, bucket, region, port, the database's public CA certificate) is "
                        + "plain environment; DB credentials and signing keys are injected from Secrets Manager.");
        Nag.suppress(
                taskDefinition,
                "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken has no resource-level permissions.",
                "Resource::\\*");
    }

    /**
     * Registers this service as {@code <name>:8080} in the namespace, which also makes it a client of every other
     * endpoint there. The Service Connect proxy logs to the service's own log group, under {@code service-connect/}.
     */
    private ServiceConnectProps serviceConnect(INamespace namespace) {
        return ServiceConnectProps.builder()
                // The ARN, not the name: CloudFormation then creates the namespace before the service.
                .namespace(namespace.getNamespaceArn())
                .services(List.of(ServiceConnectService.builder()
                        .portMappingName(PORT_NAME)
                        .discoveryName(spec.name())
                        .dnsName(spec.name())
                        .port(CONTAINER_PORT)
                        .build()))
                .logDriver(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix("service-connect")
                        .build()))
                .build();
    }

    /** Where the other services reach {@code callee} through Service Connect, e.g. {@code http://cart-service:8080}. */
    public static String internalUrl(ServiceSpec callee) {
        return "http://" + callee.name() + ":" + CONTAINER_PORT;
    }

    /**
     * Lets {@code caller} call this service through Service Connect: the caller's proxy connects straight to this
     * service's tasks on the container port, so that port opens to the caller's security group and nothing else. The
     * caller is also deployed after this service: a task resolves only the endpoints that existed when it started.
     */
    public void acceptCallsFrom(ApiService caller) {
        securityGroup.addIngressRule(
                caller.securityGroup(),
                Port.tcp(CONTAINER_PORT),
                caller.spec().name() + " to " + spec.name() + " through Service Connect");
        caller.service().getNode().addDependency(service);
    }

    private ContainerDefinitionOptions container(Props props) {
        ServiceSpec spec = props.spec();
        Map<String, String> environment = new HashMap<>(props.environment());
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(CONTAINER_PORT));
        environment.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=" + HEAP_PERCENT_OF_TASK_MEMORY);
        if (props.config().traceExport()) {
            environment.put(TraceCollector.ENDPOINT_VARIABLE, TraceCollector.ENDPOINT);
        }
        return ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromEcrRepository(props.repository(), props.imageTag()))
                .portMappings(List.of(
                        PortMapping.builder()
                                .containerPort(CONTAINER_PORT)
                                .name(PORT_NAME)
                                // HTTP rather than TCP: Service Connect then reports requests, status codes and
                                // latency.
                                .appProtocol(AppProtocol.getHttp())
                                .build(),
                        // Not a Service Connect endpoint: no other service calls it; only the ALB's health check.
                        PortMapping.builder()
                                .containerPort(MANAGEMENT_PORT)
                                .name(MANAGEMENT_PORT_NAME)
                                .build()))
                .environment(environment)
                .secrets(props.secrets())
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                        .logGroup(logs)
                        .streamPrefix(spec.name())
                        .build()))
                // No container health check: the images (deploy/images) hold a JRE and glibc but no shell or curl.
                // The target group checks /q/health/ready on the management port instead, and ECS replaces a task
                // that fails it.
                .build();
    }

    /** CPU catches heavy requests, requests-per-task catches many light ones; the larger demand wins. */
    private void autoscale(ServiceSizing sizing) {
        ScalableTaskCount scaling = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(sizing.minCapacity())
                .maxCapacity(sizing.maxCapacity())
                .build());
        scaling.scaleOnCpuUtilization(
                "Cpu",
                CpuUtilizationScalingProps.builder()
                        .targetUtilizationPercent(sizing.cpuTargetPercent())
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.seconds(300))
                        .build());
        scaling.scaleOnRequestCount(
                "Requests",
                RequestCountScalingProps.builder()
                        .requestsPerTarget(sizing.requestsPerTarget())
                        .targetGroup(targetGroup)
                        .scaleOutCooldown(Duration.seconds(60))
                        .scaleInCooldown(Duration.seconds(300))
                        .build());
    }

    /**
     * Grants the least this service needs in the pages bucket (see {@link ServiceSpec.BucketAccess}). Call it after
     * construction: grants create the policy the suppressions below must see.
     */
    public void grantBucket(IBucket pages) {
        switch (spec.bucketAccess()) {
            case READ_CATALOG -> pages.grantRead(taskRole(), "catalog/*");
            // The publisher also removes what it no longer publishes (a deleted product's page and JSON).
            case READ_WRITE -> {
                pages.grantReadWrite(taskRole());
                pages.grantDelete(taskRole());
            }
            case NONE -> {
                return;
            }
        }
        Nag.suppress(
                taskDefinition,
                "AwsSolutions-IAM5",
                "Bucket access is scoped to the pages bucket (cart and order: read catalog/* only; catalog-publisher: "
                        + "the whole bucket, which it publishes and prunes), with CDK's grant action groups.",
                "Action::s3:.*",
                "Resource::<EdgePages.*\\.Arn>/.*");
    }

    public ServiceSpec spec() {
        return spec;
    }

    public FargateService service() {
        return service;
    }

    public ApplicationTargetGroup targetGroup() {
        return targetGroup;
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public IRole taskRole() {
        return taskDefinition.getTaskRole();
    }
}
