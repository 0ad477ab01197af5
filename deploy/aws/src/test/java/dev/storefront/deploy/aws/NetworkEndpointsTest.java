package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;

/**
 * The tasks reach S3 (the pages bucket, and ECR's image layers) through the free gateway endpoint, not the NAT gateway;
 * no interface endpoints (their cost is weighed in docs/deploy.md, "Cost notes").
 */
class NetworkEndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void s3GoesThroughAGatewayEndpointOnTheTasksRouteTables(String env) {
        Synth synth = Synth.of(env);
        Map<String, Map<String, Object>> endpoints = synth.shop.findResources("AWS::EC2::VPCEndpoint");
        assertEquals(1, endpoints.size(), endpoints.keySet().toString());
        Map<String, Object> properties =
                (Map<String, Object>) endpoints.values().iterator().next().get("Properties");
        assertEquals("Gateway", properties.get("VpcEndpointType"));
        assertTrue(String.valueOf(properties.get("ServiceName")).contains(".s3"), properties.toString());
        List<Object> routeTables = (List<Object>) properties.get("RouteTableIds");
        assertEquals(2, routeTables.size(), routeTables.toString());
        assertTrue(
                routeTables.stream().allMatch(r -> String.valueOf(r).contains("appSubnet")),
                "on the tasks' (app) subnets: " + routeTables);
        synth.shop.hasResourceProperties(
                "AWS::EC2::VPCEndpoint", Match.objectLike(Map.of("VpcEndpointType", "Gateway")));
    }
}
