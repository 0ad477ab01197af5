package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import java.util.List;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.FargatePlatformVersion;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.ContainerOverride;
import software.amazon.awscdk.services.events.targets.EcsTask;
import software.amazon.awscdk.services.events.targets.TaskEnvironmentVariable;
import software.constructs.Construct;

/**
 * The nightly full republish: catalog-publisher's own task definition, run as a one-shot task with
 * {@code CATALOG_MODE=publish-once} (it publishes everything, then exits 0). Reusing the service's task definition
 * keeps image, secrets and permissions identical to what serves the admin API; only the mode differs. A task started
 * this way is outside Service Connect (only a service's tasks get the proxy), so {@code account-service} does not
 * resolve in it; that is fine, because a one-shot publish verifies no token and never fetches the JWKS.
 */
public class Scheduling extends Construct {
    private final Rule rule;

    public Scheduling(
            Construct scope,
            String id,
            EnvironmentConfig config,
            Network network,
            Cluster cluster,
            ApiService publisher) {
        super(scope, id);
        rule = Rule.Builder.create(this, "NightlyPublish")
                .description("Full republish of the static storefront (catalog-publisher, publish-once)")
                .schedule(Schedule.expression(config.publishSchedule()))
                .build();
        rule.addTarget(EcsTask.Builder.create()
                .cluster(cluster)
                .taskDefinition(publisher.taskDefinition())
                .taskCount(1)
                .subnetSelection(network.appSubnets())
                .securityGroups(List.of(publisher.securityGroup()))
                .platformVersion(FargatePlatformVersion.LATEST)
                .containerOverrides(List.of(ContainerOverride.builder()
                        .containerName(ApiService.CONTAINER_NAME)
                        .environment(List.of(TaskEnvironmentVariable.builder()
                                .name("CATALOG_MODE")
                                .value("publish-once")
                                .build()))
                        .build()))
                .build());
        // EcsTask puts its role on the task definition, outside this construct.
        Nag.suppress(
                publisher.taskDefinition(),
                "AwsSolutions-IAM5",
                "EventBridge may tag any task it starts in this cluster; the task ARN is unknown until it runs.",
                "Resource::arn:<AWS::Partition>:ecs:.*:task/<Cluster.*>/\\*");
    }

    public Rule rule() {
        return rule;
    }
}
