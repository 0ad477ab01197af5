package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/**
 * The deployment publishes the site itself: a custom resource runs catalog-publisher's task definition with the
 * command {@code publish-once} after the catalog-publisher service is up, and waits for exit 0 (docs/deploy.md,
 * "First deploy of an environment").
 */
class FirstPublishTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstPublish(Synth synth) {
        Map<String, Map<String, Object>> resources =
                synth.shop.findResources("Custom::StorefrontFirstPublish", Match.anyValue());
        assertEquals(1, resources.size(), resources.keySet().toString());
        return resources.values().iterator().next();
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsCatalogPublishersTaskWithThePublishOnceCommand() {
        Synth dev = Synth.of("dev");
        Map<String, Object> properties = (Map<String, Object>) firstPublish(dev).get("Properties");
        assertEquals(List.of("publish-once"), properties.get("Command"));
        assertEquals("app", properties.get("ContainerName"));
        String taskDefinition = String.valueOf(properties.get("TaskDefinition"));
        assertTrue(taskDefinition.contains("CatalogPublisherTask"), taskDefinition);
        String groups = String.valueOf(properties.get("SecurityGroups"));
        assertTrue(groups.contains("CatalogPublisherSecurityGroup"), groups);
        String subnets = String.valueOf(properties.get("Subnets"));
        assertTrue(subnets.contains("appSubnet1") && subnets.contains("appSubnet2"), subnets);
        // the container has no command of its own, so the override reaches the image's java -jar entrypoint
        assertTrue(!dev.container("catalog-publisher").containsKey("Command"));
    }

    /**
     * Only inputs: nothing that changes on every deployment, so CloudFormation calls the resource again only when
     * catalog-publisher's task definition (its image) or the network changes, and a full publish is safe to repeat.
     */
    @Test
    @SuppressWarnings("unchecked")
    void isUpdatedOnlyWhenItsInputsChange() {
        Map<String, Object> properties =
                (Map<String, Object>) firstPublish(Synth.of("dev")).get("Properties");
        assertEquals(
                new TreeSet<>(Set.of(
                        "ServiceToken",
                        "Cluster",
                        "TaskDefinition",
                        "Subnets",
                        "SecurityGroups",
                        "ContainerName",
                        "Command",
                        "StartedBy")),
                new TreeSet<>(properties.keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runsAfterTheCatalogPublisherServiceIsUp() {
        Synth dev = Synth.of("dev");
        List<String> dependsOn = (List<String>) firstPublish(dev).get("DependsOn");
        String service = dev.shop.findResources("AWS::ECS::Service").entrySet().stream()
                .filter(e ->
                        "catalog-publisher".equals(((Map<?, ?>) e.getValue().get("Properties")).get("ServiceName")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertTrue(dependsOn.contains(service), dependsOn.toString());
        // and the task role's bucket grant exists before the task writes the pages
        assertTrue(
                dependsOn.stream().anyMatch(d -> d.startsWith("CatalogPublisherTaskTaskRoleDefaultPolicy")),
                dependsOn.toString());
    }

    @Test
    void mayRunOnlyThatTaskDefinition() {
        Synth.of("dev")
                .shop
                .hasResourceProperties(
                        "AWS::IAM::Policy",
                        Match.objectLike(Map.of(
                                "PolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        Match.arrayWith(List.of(Match.objectLike(Map.of(
                                                "Action",
                                                "ecs:RunTask",
                                                "Resource",
                                                Map.of("Ref", Match.stringLikeRegexp("CatalogPublisherTask.*")))))))),
                                "Roles",
                                Match.arrayWith(List.of(
                                        Map.of("Ref", Match.stringLikeRegexp("FirstPublishRunTaskServiceRole.*")))))));
    }
}
