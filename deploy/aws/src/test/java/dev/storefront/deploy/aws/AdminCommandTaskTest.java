package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the runbook's {@code aws ecs run-task} for {@code grant-admin <email>} relies on (docs/deploy.md, "Granting or
 * revoking the admin role"): account-service's task definition under a fixed family, its container named {@code app}
 * with no command of its own (so the override's arguments reach the image's {@code java -jar} entrypoint), and a
 * service whose network configuration (private subnets, a security group the database admits) the task can reuse.
 */
class AdminCommandTaskTest {

    @Test
    void theTaskDefinitionLeavesTheCommandToTheOverride() {
        Synth dev = Synth.of("dev");
        Map<String, Object> container = dev.container("account-service");
        assertEquals("app", container.get("Name"));
        assertFalse(container.containsKey("Command"), "a command would replace the override's: " + container);
        assertFalse(container.containsKey("EntryPoint"), "the image's java -jar entrypoint must stay: " + container);
        assertTrue(
                dev.secretNames("account-service").containsAll(List.of("DB_USER", "DB_PASSWORD", "JWT_SIGNING_KEYS")));
        assertEquals(
                "FARGATE", ((List<?>) dev.taskDefinition("account-service").get("RequiresCompatibilities")).get(0));
    }

    @Test
    void theServiceHasTheNetworkConfigurationTheTaskReuses() {
        Synth dev = Synth.of("dev");
        Map<?, ?> service = dev.shop.findResources("AWS::ECS::Service").values().stream()
                .map(r -> (Map<?, ?>) r.get("Properties"))
                .filter(p -> "account-service".equals(p.get("ServiceName")))
                .findFirst()
                .orElseThrow();
        Map<?, ?> vpc = (Map<?, ?>) ((Map<?, ?>) service.get("NetworkConfiguration")).get("AwsvpcConfiguration");
        assertEquals("DISABLED", vpc.get("AssignPublicIp"));
        String group = ((Map<?, ?>) ((List<?>) vpc.get("SecurityGroups")).get(0)).toString();
        assertTrue(group.contains("AccountService"), group);
        // that group may reach the database, which the command needs
        boolean admitted = dev.shop.findResources("AWS::EC2::SecurityGroupIngress").values().stream()
                .map(r -> (Map<?, ?>) r.get("Properties"))
                // the cluster's own port (allowDefaultPortFrom): a reference to its endpoint's port, not a literal
                .anyMatch(p -> String.valueOf(p.get("GroupId")).contains("Database")
                        && String.valueOf(p.get("FromPort")).contains("Endpoint.Port")
                        && String.valueOf(p.get("SourceSecurityGroupId")).contains("AccountService"));
        assertTrue(admitted, "account-service's security group is not admitted to the database");
    }
}
