package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Where prod differs from dev: more tasks, bigger tasks, a database reader, data kept, logs kept longer. */
class ProdEnvironmentTest {
    private static Synth prod;
    private static Template template;

    @BeforeAll
    static void synthesise() {
        prod = Synth.of("prod");
        template = prod.shop;
    }

    @Test
    void sameShapeAsDev() {
        template.resourceCountIs("AWS::ECS::Service", 4);
        template.resourceCountIs("AWS::ECS::TaskDefinition", 5);
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 4);
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 8);
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 4);
    }

    @Test
    void everyServiceRunsAtLeastTwoTasksAndMoreThanInDev() {
        Map<String, Map<String, Object>> devTargets =
                Synth.of("dev").shop.findResources("AWS::ApplicationAutoScaling::ScalableTarget");
        int devMin = devTargets.values().stream()
                .mapToInt(ProdEnvironmentTest::minCapacity)
                .max()
                .orElseThrow();
        template.findResources("AWS::ApplicationAutoScaling::ScalableTarget")
                .values()
                .forEach(target -> {
                    assertTrue(minCapacity(target) >= 2, target.toString());
                    assertTrue(minCapacity(target) > devMin, target.toString());
                });
        template.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 3, "MaxCapacity", 12));
        template.hasResourceProperties("AWS::ECS::Service", Map.of("ServiceName", "cart-service", "DesiredCount", 3));
    }

    @SuppressWarnings("unchecked")
    private static int minCapacity(Map<String, Object> target) {
        return ((Number) ((Map<String, Object>) target.get("Properties")).get("MinCapacity")).intValue();
    }

    @Test
    void tasksAreHalfAVcpuWithAGigabyte() {
        Map<String, Object> task = prod.taskDefinition("cart-service");
        assertEquals("512", task.get("Cpu"));
        assertEquals("1024", task.get("Memory"));
    }

    @Test
    void databaseHasAReaderAndSurvivesStackDeletion() {
        template.resourceCountIs("AWS::RDS::DBInstance", 2);
        template.hasResource(
                "AWS::RDS::DBCluster",
                Map.of(
                        "DeletionPolicy",
                        "Snapshot",
                        "Properties",
                        Match.objectLike(Map.of("DeletionProtection", true))));
        template.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain"));
        template.resourceCountIs("AWS::EC2::NatGateway", 2);
    }

    @Test
    void logsAreKeptLonger() {
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90));
    }

    @Test
    void namesCarryTheEnvironment() {
        template.hasResourceProperties("AWS::ECS::Cluster", Map.of("ClusterName", "storefront-prod"));
        template.hasResourceProperties(
                "AWS::SecretsManager::Secret", Map.of("Name", "storefront/prod/db/cart_service"));
        // dev and prod may share an account: their Service Connect namespaces must not collide
        template.hasResourceProperties("AWS::ServiceDiscovery::HttpNamespace", Map.of("Name", "storefront-prod.local"));
    }

    @Test
    void theConnectionAlarmFollowsTheLargerPools() {
        // prod: at most 6 + 8 + 3 tasks of 4 connections and 12 cart-service tasks of 8 (164); the alarm is at 80 %
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of("AlarmName", "storefront-prod-database-connections-high", "Threshold", 131));
    }
}
