package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The one-off task that prepares the database: the {@code storefront} database, a login role per service with the
 * password from that service's secret, and each schema owned by its role, with {@code PUBLIC} stripped of its rights.
 * It is the only task that gets the master secret. A custom resource runs it on every deployment that changes it and
 * waits for exit code 0, so the services are created only after their roles exist. The script is idempotent.
 */
public class DatabaseBootstrap extends Construct {
    /** psql 17 and a shell; the public ECR mirror of the official image needs no Docker Hub credentials. */
    static final String POSTGRES_IMAGE = "public.ecr.aws/docker/library/postgres:17-alpine";

    private final FargateTaskDefinition taskDefinition;
    private final CustomResource run;

    public DatabaseBootstrap(
            Construct scope, String id, EnvironmentConfig config, Network network, Cluster cluster, Database db) {
        super(scope, id);
        taskDefinition = FargateTaskDefinition.Builder.create(this, "Task")
                .family("storefront-" + config.name() + "-db-bootstrap")
                .cpu(256)
                .memoryLimitMiB(512)
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/storefront/" + config.name() + "/db-bootstrap")
                .retention(config.logRetention())
                .removalPolicy(Removal.of(config))
                .build();
        taskDefinition.addContainer(
                "psql",
                ContainerDefinitionOptions.builder()
                        .image(ContainerImage.fromRegistry(POSTGRES_IMAGE))
                        .command(List.of("sh", "-c", ClasspathText.read("bootstrap/bootstrap-database.sh")))
                        // psql verifies the cluster's certificate against the CA's root, as the services do
                        .environment(Map.of(
                                "SERVICES", rolesAndSchemas(), Database.CA_CERTIFICATE_VARIABLE, db.caCertificate()))
                        .secrets(secrets(db))
                        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(logs)
                                .streamPrefix("bootstrap")
                                .build()))
                        .build());

        SecurityGroup securityGroup = SecurityGroup.Builder.create(this, "SecurityGroup")
                .vpc(network.vpc())
                .description("database bootstrap task")
                .build();
        db.allowFrom(securityGroup, "database bootstrap task");

        run = runOnDeploy(network, cluster, securityGroup);
        suppressFindings();
    }

    private void suppressFindings() {
        Nag.suppressCustomResourceProvider(this);
        Nag.suppress(
                this,
                "AwsSolutions-ECS2",
                "SERVICES only lists role and schema names and DB_SSL_ROOT_CERT is a public CA certificate; every "
                        + "password comes from Secrets Manager.");
        Nag.suppress(
                this,
                "AwsSolutions-IAM5",
                "ecs:DescribeTasks cannot name a task that does not exist yet (limited to this cluster by condition); "
                        + "ecr:GetAuthorizationToken has no resource-level permissions.",
                "Resource::\\*");
        Nag.suppress(
                this,
                "AwsSolutions-SF1",
                "The Provider framework's waiter state machine only polls isComplete; the task's own logs and the "
                        + "handlers' logs carry everything worth reading.");
        Nag.suppress(this, "AwsSolutions-SF2", "X-Ray on a deploy-time polling loop would trace nothing useful.");
    }

    private static String rolesAndSchemas() {
        return ServiceSpec.ALL.stream()
                .map(spec -> spec.dbRole() + ":" + spec.schema())
                .collect(Collectors.joining(" "));
    }

    private static Map<String, Secret> secrets(Database db) {
        Map<String, Secret> secrets = new HashMap<>();
        secrets.put("PGHOST", Secret.fromSecretsManager(db.masterSecret(), "host"));
        secrets.put("PGUSER", Secret.fromSecretsManager(db.masterSecret(), "username"));
        secrets.put("PGPASSWORD", Secret.fromSecretsManager(db.masterSecret(), "password"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            secrets.put(
                    spec.dbRole().toUpperCase() + "_PASSWORD",
                    Secret.fromSecretsManager(db.secretOf(spec), "password"));
        }
        return secrets;
    }

    private CustomResource runOnDeploy(Network network, Cluster cluster, SecurityGroup securityGroup) {
        String code = ClasspathText.read("lambda/run-task.js");
        Function onEvent = handler("RunTask", code, "index.onEvent");
        Function isComplete = handler("AwaitTask", code, "index.isComplete");
        onEvent.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:RunTask"))
                .resources(List.of(taskDefinition.getTaskDefinitionArn()))
                .build());
        onEvent.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("iam:PassRole"))
                .resources(List.of(
                        taskDefinition.getTaskRole().getRoleArn(),
                        taskDefinition.obtainExecutionRole().getRoleArn()))
                .build());
        // DescribeTasks cannot be scoped to a task ARN that does not exist yet; the cluster condition narrows it.
        isComplete.addToRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ecs:DescribeTasks"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("ecs:cluster", cluster.getClusterArn())))
                .build());
        Provider provider = Provider.Builder.create(this, "Provider")
                .onEventHandler(onEvent)
                .isCompleteHandler(isComplete)
                .queryInterval(Duration.seconds(15))
                .totalTimeout(Duration.minutes(20))
                .build();
        return CustomResource.Builder.create(this, "Run")
                .serviceToken(provider.getServiceToken())
                .resourceType("Custom::StorefrontDatabaseBootstrap")
                .properties(Map.of(
                        "Cluster", cluster.getClusterArn(),
                        // A new task definition revision (new script, new role) runs the bootstrap again.
                        "TaskDefinition", taskDefinition.getTaskDefinitionArn(),
                        "Subnets",
                                network.vpc()
                                        .selectSubnets(network.appSubnets())
                                        .getSubnetIds(),
                        "SecurityGroups", List.of(securityGroup.getSecurityGroupId())))
                .build();
    }

    private Function handler(String id, String code, String handler) {
        return Function.Builder.create(this, id)
                .runtime(Runtime.NODEJS_24_X)
                .code(Code.fromInline(code))
                .handler(handler)
                .timeout(Duration.seconds(30))
                .build();
    }

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** Depend on this to start only after the roles and schemas exist. */
    public CustomResource completion() {
        return run;
    }
}
