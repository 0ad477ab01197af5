package dev.storefront.deploy.aws.construct;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * A custom resource that runs a task definition once as a Fargate task when the resource is created or one of its
 * properties changes, and succeeds only when the task's first container exits 0 ({@code lambda/run-task.js}). A
 * deletion runs nothing. The resource's properties are its inputs only (nothing that changes on every deployment), so
 * an update that leaves them alone runs nothing either.
 */
final class OneOffTask {
    private OneOffTask() {}

    /**
     * What to run.
     *
     * @param subnets where the task runs
     * @param securityGroups its security groups (what it may reach)
     * @param command if not null, the command of container {@code containerName} replaced with it (the image's
     *     entrypoint stays, so for the services' images these are the application's arguments)
     * @param startedBy shown as the task's {@code startedBy}
     */
    record Run(
            FargateTaskDefinition taskDefinition,
            Cluster cluster,
            List<String> subnets,
            List<String> securityGroups,
            String containerName,
            List<String> command,
            String startedBy) {}

    /**
     * Adds the handlers ({@code RunTask}, {@code AwaitTask}), the provider ({@code Provider}) and the resource
     * ({@code Run}) to {@code scope}, with the cdk-nag suppressions their framework needs.
     */
    static CustomResource runOnDeploy(Construct scope, String resourceType, Run run) {
        String code = ClasspathText.read("lambda/run-task.js");
        Function onEvent = handler(scope, "RunTask", code, "index.onEvent");
        Function isComplete = handler(scope, "AwaitTask", code, "index.isComplete");
        FargateTaskDefinition taskDefinition = run.taskDefinition();
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
                .conditions(
                        Map.of("ArnEquals", Map.of("ecs:cluster", run.cluster().getClusterArn())))
                .build());
        Provider provider = Provider.Builder.create(scope, "Provider")
                .onEventHandler(onEvent)
                .isCompleteHandler(isComplete)
                .queryInterval(Duration.seconds(15))
                .totalTimeout(Duration.minutes(20))
                .build();
        Map<String, Object> properties = new HashMap<>();
        properties.put("Cluster", run.cluster().getClusterArn());
        // A new task definition revision (new image, new script, new role) runs the task again.
        properties.put("TaskDefinition", taskDefinition.getTaskDefinitionArn());
        properties.put("Subnets", run.subnets());
        properties.put("SecurityGroups", run.securityGroups());
        if (run.command() != null) {
            properties.put("ContainerName", run.containerName());
            properties.put("Command", run.command());
        }
        if (run.startedBy() != null) {
            properties.put("StartedBy", run.startedBy());
        }
        suppressFindings(scope);
        return CustomResource.Builder.create(scope, "Run")
                .serviceToken(provider.getServiceToken())
                .resourceType(resourceType)
                .properties(properties)
                .build();
    }

    private static Function handler(Construct scope, String id, String code, String handler) {
        return Function.Builder.create(scope, id)
                .runtime(Runtime.NODEJS_24_X)
                .code(Code.fromInline(code))
                .handler(handler)
                .timeout(Duration.seconds(30))
                .build();
    }

    private static void suppressFindings(Construct scope) {
        Nag.suppressCustomResourceProvider(scope);
        Nag.suppress(
                scope,
                "AwsSolutions-IAM5",
                "ecs:DescribeTasks cannot name a task that does not exist yet (limited to this cluster by condition).",
                "Resource::\\*");
        Nag.suppress(
                scope,
                "AwsSolutions-SF1",
                "The Provider framework's waiter state machine only polls isComplete; the task's own logs and the "
                        + "handlers' logs carry everything worth reading.");
        Nag.suppress(scope, "AwsSolutions-SF2", "X-Ray on a deploy-time polling loop would trace nothing useful.");
    }
}
