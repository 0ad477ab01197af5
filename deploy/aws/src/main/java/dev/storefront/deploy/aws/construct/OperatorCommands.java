package dev.storefront.deploy.aws.construct;

import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ecs.Cluster;

/**
 * Shell commands an operator runs against this environment, with every id filled in at deploy time (stack outputs),
 * so the runbook's commands need no lookups and no edits.
 */
public final class OperatorCommands {
    private OperatorCommands() {}

    /**
     * Runs account-service's task definition once with {@code <command> $EMAIL} as the application's arguments (Quarkus
     * command mode, e.g. {@code grant-admin}), in the service's own subnets and security group, waits for it and
     * prints its exit code. {@code EMAIL} is read from the shell; bash stops with a message while it is unset.
     */
    public static String accountCommand(
            Stack stack, Cluster cluster, Network network, ApiService account, String command) {
        String where = " --region " + stack.getRegion() + " --cluster " + cluster.getClusterName();
        List<String> subnets = network.vpc().selectSubnets(network.appSubnets()).getSubnetIds();
        String overrides = "'{\"containerOverrides\":[{\"name\":\"" + ApiService.CONTAINER_NAME + "\",\"command\":[\""
                + command + "\",\"'\"${EMAIL:?set EMAIL first}\"'\"]}]}'";
        return "TASK=$(aws ecs run-task" + where
                + " --launch-type FARGATE --task-definition "
                + account.taskDefinition().getFamily()
                + " --network-configuration 'awsvpcConfiguration={subnets=[" + String.join(",", subnets)
                + "],securityGroups=[" + account.securityGroup().getSecurityGroupId() + "],assignPublicIp=DISABLED}'"
                + " --overrides " + overrides
                + " --started-by " + command
                + " --query 'tasks[0].taskArn' --output text)"
                + " && aws ecs wait tasks-stopped" + where + " --tasks \"$TASK\""
                + " && aws ecs describe-tasks" + where + " --tasks \"$TASK\""
                + " --query 'tasks[0].containers[0].exitCode'";
    }
}
