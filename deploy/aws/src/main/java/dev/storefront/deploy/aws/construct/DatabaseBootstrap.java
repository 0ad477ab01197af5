package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.Secret;
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

        run = OneOffTask.runOnDeploy(
                this,
                "Custom::StorefrontDatabaseBootstrap",
                new OneOffTask.Run(
                        taskDefinition,
                        cluster,
                        network.vpc().selectSubnets(network.appSubnets()).getSubnetIds(),
                        List.of(securityGroup.getSecurityGroupId()),
                        null,
                        null,
                        null));
        suppressFindings();
    }

    private void suppressFindings() {
        Nag.suppress(
                this,
                "AwsSolutions-ECS2",
                "SERVICES only lists role and schema names and DB_SSL_ROOT_CERT is a public CA certificate; every "
                        + "password comes from Secrets Manager.");
        Nag.suppress(
                this,
                "AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken has no resource-level permissions.",
                "Resource::\\*");
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

    public FargateTaskDefinition taskDefinition() {
        return taskDefinition;
    }

    /** Depend on this to start only after the roles and schemas exist. */
    public CustomResource completion() {
        return run;
    }
}
