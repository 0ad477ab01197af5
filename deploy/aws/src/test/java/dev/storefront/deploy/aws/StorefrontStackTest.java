package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What the dev environment's application stack must contain; prod differences are in {@link ProdEnvironmentTest}. */
class StorefrontStackTest {
    private static final List<String> SERVICES =
            ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();

    private static Synth synth;
    private static Template template;

    @BeforeAll
    static void synthesise() {
        synth = Synth.of("dev");
        template = synth.shop;
    }

    @Test
    void vpcHasPublicPrivateAndIsolatedSubnets() {
        template.resourceCountIs("AWS::EC2::VPC", 1);
        for (String type : List.of("Public", "Private", "Isolated")) {
            template.hasResource(
                    "AWS::EC2::Subnet",
                    Map.of(
                            "Properties",
                            Map.of(
                                    "Tags",
                                    Match.arrayWith(List.of(Map.of("Key", "aws-cdk:subnet-type", "Value", type))))));
        }
        template.resourceCountIs("AWS::EC2::FlowLog", 1);
    }

    @Test
    void oneFargateServicePerApiServiceEachWithItsOwnTaskDefinition() {
        template.resourceCountIs("AWS::ECS::Cluster", 1);
        template.resourceCountIs("AWS::ECS::Service", 4);
        // four services plus the database bootstrap task (the nightly publish reuses catalog-publisher's)
        template.resourceCountIs("AWS::ECS::TaskDefinition", 5);
        for (String name : SERVICES) {
            template.hasResourceProperties(
                    "AWS::ECS::Service",
                    Map.of(
                            "ServiceName",
                            name,
                            "LaunchType",
                            "FARGATE",
                            "DesiredCount",
                            1,
                            "DeploymentConfiguration",
                            Match.objectLike(
                                    Map.of("DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true)))));
            Map<String, Object> task = synth.taskDefinition(name);
            assertEquals("256", task.get("Cpu"), name);
            assertEquals("512", task.get("Memory"), name);
        }
    }

    @Test
    void eachServiceScalesOnItsOwnCpuAndRequestCount() {
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalableTarget", 4);
        template.resourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 8);
        for (String metric : List.of("ECSServiceAverageCPUUtilization", "ALBRequestCountPerTarget")) {
            assertEquals(
                    4,
                    template.findResources(
                                    "AWS::ApplicationAutoScaling::ScalingPolicy",
                                    Map.of(
                                            "Properties",
                                            Map.of(
                                                    "PolicyType",
                                                    "TargetTrackingScaling",
                                                    "TargetTrackingScalingPolicyConfiguration",
                                                    Match.objectLike(Map.of(
                                                            "PredefinedMetricSpecification",
                                                            Match.objectLike(
                                                                    Map.of("PredefinedMetricType", metric)))))))
                            .size(),
                    metric);
        }
        template.allResourcesProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget", Map.of("MinCapacity", 1, "MaxCapacity", 2));
    }

    @Test
    void albRoutesEachPathToItsServiceAndAnswers404Otherwise() {
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::ListenerRule", 4);
        template.resourceCountIs("AWS::ElasticLoadBalancingV2::TargetGroup", 4);
        for (String path : List.of("/api/accounts*", "/api/carts*", "/api/orders*", "/api/catalog*")) {
            template.hasResourceProperties(
                    "AWS::ElasticLoadBalancingV2::ListenerRule",
                    Map.of(
                            "Conditions",
                            List.of(Map.of(
                                    "Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of(path))))));
        }
        template.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Map.of(
                        "DefaultActions",
                        List.of(Match.objectLike(Map.of(
                                "Type",
                                "fixed-response",
                                "FixedResponseConfig",
                                Match.objectLike(Map.of("StatusCode", "404")))))));
    }

    @Test
    void theClusterHasOneServiceConnectNamespaceOfItsOwn() {
        template.resourceCountIs("AWS::ServiceDiscovery::HttpNamespace", 1);
        // Service Connect needs no DNS: no private hosted zone
        template.resourceCountIs("AWS::ServiceDiscovery::PrivateDnsNamespace", 0);
        template.hasResourceProperties("AWS::ServiceDiscovery::HttpNamespace", Map.of("Name", "storefront-dev.local"));
        template.hasResourceProperties(
                "AWS::ECS::Cluster", Map.of("ServiceConnectDefaults", Map.of("Namespace", namespaceArn())));
    }

    @Test
    void everyServiceIsAServiceConnectEndpointNamedAfterItselfOnItsContainerPort() {
        for (String name : SERVICES) {
            template.hasResourceProperties(
                    "AWS::ECS::Service",
                    Map.of(
                            "ServiceName",
                            name,
                            "ServiceConnectConfiguration",
                            Map.of(
                                    "Enabled",
                                    true,
                                    "Namespace",
                                    namespaceArn(),
                                    "Services",
                                    List.of(Map.of(
                                            "PortName",
                                            "http",
                                            "DiscoveryName",
                                            name,
                                            "ClientAliases",
                                            List.of(Map.of("DnsName", name, "Port", 8080)))),
                                    // the proxy logs next to the service, in its own log group
                                    "LogConfiguration",
                                    Map.of(
                                            "LogDriver",
                                            "awslogs",
                                            "Options",
                                            Match.objectLike(Map.of(
                                                    "awslogs-group",
                                                    Map.of("Ref", logGroupId("/storefront/dev/" + name)),
                                                    "awslogs-stream-prefix",
                                                    "service-connect"))))));
            // the named port Service Connect refers to, as HTTP so that the proxy reports requests and status codes;
            // the management port beside it is no Service Connect endpoint (above: only "http" is)
            template.hasResourceProperties(
                    "AWS::ECS::TaskDefinition",
                    Map.of(
                            "Family",
                            "storefront-dev-" + name,
                            "ContainerDefinitions",
                            List.of(Match.objectLike(Map.of(
                                    "PortMappings",
                                    List.of(
                                            Map.of(
                                                    "ContainerPort", 8080,
                                                    "Name", "http",
                                                    "AppProtocol", "http",
                                                    "Protocol", "tcp"),
                                            Map.of(
                                                    "ContainerPort", 9000,
                                                    "Name", "management",
                                                    "Protocol", "tcp")))))));
        }
    }

    @Test
    void servicesCallEachOtherThroughServiceConnectNotThroughTheAlb() {
        assertEquals("http://cart-service:8080", synth.environmentValue("order-service", "CART_SERVICE_URL"));
        assertEquals("http://account-service:8080", synth.environmentValue("order-service", "ACCOUNT_SERVICE_URL"));
        assertEquals("http://catalog-publisher:8080", synth.environmentValue("order-service", "CATALOG_SERVICE_URL"));
        for (String name : List.of("cart-service", "order-service", "catalog-publisher")) {
            assertEquals(
                    "http://account-service:8080/api/accounts/jwks.json",
                    synth.environmentValue(name, "JWT_JWKS_URL"),
                    name);
        }
        String alb = template.findResources("AWS::ElasticLoadBalancingV2::LoadBalancer")
                .keySet()
                .iterator()
                .next();
        for (String name : SERVICES) {
            String env = String.valueOf(synth.container(name).get("Environment"));
            assertFalse(env.contains(alb), name + " still reaches a service through the ALB: " + env);
        }
    }

    @Test
    void eachCalleeAcceptsItsCallersOnTheContainerPortAndNoOtherService() {
        Set<String> edges = new TreeSet<>();
        for (Map<String, Object> rule : properties("AWS::EC2::SecurityGroupIngress")) {
            ServiceSpec callee = serviceOwning(rule.get("GroupId"));
            ServiceSpec caller = serviceOwning(rule.get("SourceSecurityGroupId"));
            if (callee == null || caller == null) {
                continue;
            }
            edges.add(caller.name() + " -> " + callee.name());
            assertEquals("tcp", rule.get("IpProtocol"), rule.toString());
            assertEquals(8080, ((Number) rule.get("FromPort")).intValue(), rule.toString());
            assertEquals(8080, ((Number) rule.get("ToPort")).intValue(), rule.toString());
        }
        assertEquals(
                Set.of(
                        "cart-service -> account-service",
                        "catalog-publisher -> account-service",
                        "order-service -> account-service",
                        "order-service -> cart-service",
                        "order-service -> catalog-publisher"),
                edges);
        // the ALB still reaches every service, and no service group has an inline (CIDR) ingress rule
        for (ServiceSpec spec : ServiceSpec.ALL) {
            template.hasResourceProperties(
                    "AWS::EC2::SecurityGroupIngress",
                    Map.of(
                            "GroupId",
                            Map.of("Fn::GetAtt", List.of(securityGroupId(spec), "GroupId")),
                            "SourceSecurityGroupId",
                            Map.of(
                                    "Fn::GetAtt",
                                    List.of(Match.stringLikeRegexp("^PublicApiAlbSecurityGroup.*"), "GroupId")),
                            "FromPort",
                            8080));
            template.hasResource(
                    "AWS::EC2::SecurityGroup",
                    Map.of(
                            "Properties",
                            Match.objectLike(Map.of(
                                    "GroupDescription",
                                    spec.name() + " tasks",
                                    "SecurityGroupIngress",
                                    Match.absent()))));
        }
    }

    @Test
    void callersAreDeployedAfterTheServicesTheyCall() {
        // a task resolves only the Service Connect endpoints that existed when it started
        assertTrue(dependsOn("order-service")
                .containsAll(List.of(
                        serviceId("cart-service"), serviceId("account-service"), serviceId("catalog-publisher"))));
        assertTrue(dependsOn("cart-service").contains(serviceId("account-service")));
        assertTrue(dependsOn("catalog-publisher").contains(serviceId("account-service")));
        assertFalse(dependsOn("account-service").stream()
                .anyMatch(id ->
                        SERVICES.stream().map(StorefrontStackTest::serviceId).anyMatch(id::equals)));
    }

    private static Map<String, Object> namespaceArn() {
        String namespace = template.findResources("AWS::ServiceDiscovery::HttpNamespace")
                .keySet()
                .iterator()
                .next();
        return Map.of("Fn::GetAtt", List.of(namespace, "Arn"));
    }

    @SuppressWarnings("unchecked")
    private static String logGroupId(String logGroupName) {
        return template.findResources("AWS::Logs::LogGroup").entrySet().stream()
                .filter(e ->
                        logGroupName.equals(((Map<String, Object>) e.getValue().get("Properties")).get("LogGroupName")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log group " + logGroupName));
    }

    /** The logical id of the task security group of {@code spec}'s service. */
    @SuppressWarnings("unchecked")
    private static String securityGroupId(ServiceSpec spec) {
        return template.findResources("AWS::EC2::SecurityGroup").entrySet().stream()
                .filter(e -> (spec.name() + " tasks")
                        .equals(((Map<String, Object>) e.getValue().get("Properties")).get("GroupDescription")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no security group for " + spec.name()));
    }

    /** The service whose task security group {@code groupId} ({@code Fn::GetAtt [<id>, GroupId]}) is, if any. */
    @SuppressWarnings("unchecked")
    private static ServiceSpec serviceOwning(Object groupId) {
        if (!(groupId instanceof Map<?, ?> getAtt) || !(getAtt.get("Fn::GetAtt") instanceof List<?> attribute)) {
            return null;
        }
        return ServiceSpec.ALL.stream()
                .filter(spec -> securityGroupId(spec).equals(attribute.get(0)))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> properties(String type) {
        return template.findResources(type).values().stream()
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static String serviceId(String name) {
        return template.findResources("AWS::ECS::Service").entrySet().stream()
                .filter(e -> name.equals(((Map<String, Object>) e.getValue().get("Properties")).get("ServiceName")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ECS service " + name));
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependsOn(String name) {
        return (List<String>)
                template.findResources("AWS::ECS::Service").get(serviceId(name)).getOrDefault("DependsOn", List.of());
    }

    @Test
    void readinessIsCheckedByTheAlbNotByACommandTheImageCannotRun() {
        // requests go to the API port, the health check to the management port (the API port answers 404 there)
        template.allResourcesProperties(
                "AWS::ElasticLoadBalancingV2::TargetGroup",
                Map.of("HealthCheckPath", "/q/health/ready", "HealthCheckPort", "9000", "Port", 8080));
        // The images (deploy/images) have no shell and no curl, so a container health check could only ever fail.
        for (String name : SERVICES) {
            assertFalse(synth.container(name).containsKey("HealthCheck"), name + " container health check");
        }
    }

    @Test
    void theManagementPortIsOpenToTheAlbsHealthChecksAndNothingElse() {
        for (String name : SERVICES) {
            assertEquals("9000", synth.environmentValue(name, "QUARKUS_MANAGEMENT_PORT"), name);
        }
        int fromAlb = 0;
        for (Map<String, Object> rule : properties("AWS::EC2::SecurityGroupIngress")) {
            if (serviceOwning(rule.get("GroupId")) == null || ((Number) rule.get("FromPort")).intValue() != 9000) {
                continue;
            }
            assertEquals(9000, ((Number) rule.get("ToPort")).intValue(), rule.toString());
            assertTrue(
                    String.valueOf(rule.get("SourceSecurityGroupId")).contains("PublicApiAlbSecurityGroup"),
                    "only the ALB may reach a management port: " + rule);
            fromAlb++;
        }
        assertEquals(SERVICES.size(), fromAlb, "one rule per service, from the ALB");
        // the ALB's group has no open egress: it needs a rule out to each service's API port and management port
        for (ServiceSpec spec : ServiceSpec.ALL) {
            for (int port : List.of(8080, 9000)) {
                template.hasResourceProperties(
                        "AWS::EC2::SecurityGroupEgress",
                        Map.of(
                                "GroupId",
                                Map.of(
                                        "Fn::GetAtt",
                                        List.of(Match.stringLikeRegexp("^PublicApiAlbSecurityGroup.*"), "GroupId")),
                                "DestinationSecurityGroupId",
                                Map.of("Fn::GetAtt", List.of(securityGroupId(spec), "GroupId")),
                                "FromPort",
                                port,
                                "ToPort",
                                port));
            }
        }
    }

    @Test
    void auroraPostgresLivesInTheIsolatedSubnetsEncrypted() {
        template.hasResourceProperties(
                "AWS::RDS::DBCluster",
                Map.of(
                        "Engine",
                        "aurora-postgresql",
                        "EngineVersion",
                        Match.stringLikeRegexp("^17\\..*"),
                        "StorageEncrypted",
                        true,
                        "ServerlessV2ScalingConfiguration",
                        Map.of("MinCapacity", 0.5, "MaxCapacity", 2)));
        Map<String, Map<String, Object>> groups = template.findResources("AWS::RDS::DBSubnetGroup");
        assertEquals(1, groups.size());
        String subnets = groups.values().iterator().next().toString();
        assertTrue(subnets.contains("dataSubnet"), subnets);
        assertFalse(subnets.contains("appSubnet") || subnets.contains("publicSubnet"), subnets);
    }

    @Test
    void everyServiceHasItsOwnDatabaseSecret() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            template.hasResourceProperties(
                    "AWS::SecretsManager::Secret",
                    Map.of(
                            "Name",
                            "storefront/dev/db/" + spec.dbRole(),
                            "GenerateSecretString",
                            Match.objectLike(Map.of(
                                    "SecretStringTemplate",
                                    "{\"username\":\"" + spec.dbRole() + "\"}",
                                    "GenerateStringKey",
                                    "password"))));
            assertTrue(synth.secretNames(spec.name()).containsAll(List.of("DB_USER", "DB_PASSWORD")), spec.name());
        }
    }

    @Test
    void credentialsNeverAppearAsPlainEnvironment() {
        for (String name : SERVICES) {
            List<String> env = synth.environmentNames(name);
            for (String secret : List.of(
                    "DB_USER", "DB_PASSWORD", "JWT_SIGNING_KEYS", "JWT_PRIVATE_KEYS", "SERVICE_JWT_SIGNING_KEYS")) {
                assertFalse(env.contains(secret), name + " has " + secret + " in plain environment");
            }
        }
    }

    @Test
    void onlyAccountServiceGetsTheSigningKeys() {
        assertTrue(synth.secretNames("account-service").contains("JWT_SIGNING_KEYS"));
        for (String name : List.of("cart-service", "order-service", "catalog-publisher")) {
            assertFalse(synth.secretNames(name).contains("JWT_SIGNING_KEYS"), name);
        }
        String accountKeys = secretId("storefront/dev/jwt-signing-keys");
        for (String name : List.of("cart-service", "order-service", "catalog-publisher")) {
            assertFalse(synth.container(name).toString().contains(accountKeys), name + " references account's keys");
        }
    }

    @Test
    void onlyOrderServiceGetsItsServiceTokenKeysAndCartServiceTheirPublicHalf() {
        String serviceKeys = secretId("storefront/dev/service-jwt-signing-keys");
        assertTrue(synth.secretNames("order-service").contains("SERVICE_JWT_SIGNING_KEYS"));
        assertTrue(synth.container("order-service").toString().contains(serviceKeys));
        for (String name : List.of("account-service", "cart-service", "catalog-publisher")) {
            assertFalse(synth.secretNames(name).contains("SERVICE_JWT_SIGNING_KEYS"), name);
            assertFalse(synth.container(name).toString().contains(serviceKeys), name + " references order's keys");
        }
        template.resourceCountIs("Custom::StorefrontJwtSigningKey", 2);
        String keyResource = template.findResources("Custom::StorefrontJwtSigningKey").keySet().stream()
                .filter(id -> id.startsWith("ServiceJwtSigningKey"))
                .findFirst()
                .orElseThrow();
        // the public half only: the attribute the key's custom resource answers, never the secret
        for (String name : List.of("cart-service", "catalog-publisher")) {
            assertEquals(
                    Map.of("Fn::GetAtt", List.of(keyResource, "PublicJwks")),
                    synth.environmentValue(name, "SERVICE_JWT_JWKS"),
                    name);
        }
        for (String name : List.of("account-service", "order-service")) {
            assertFalse(synth.environmentNames(name).contains("SERVICE_JWT_JWKS"), name);
        }
        assertTrue(dependsOn("order-service").contains(keyResource), "order-service starts after its first key");
    }

    /** The logical id of the secret named {@code name}. */
    @SuppressWarnings("unchecked")
    private static String secretId(String name) {
        return template.findResources("AWS::SecretsManager::Secret").entrySet().stream()
                .filter(e -> name.equals(((Map<String, Object>) e.getValue().get("Properties")).get("Name")))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no secret " + name));
    }

    @Test
    void onlyTheBootstrapTaskSeesTheMasterSecret() {
        String attachment = template.findResources("AWS::SecretsManager::SecretTargetAttachment")
                .keySet()
                .iterator()
                .next();
        for (String name : SERVICES) {
            assertFalse(synth.container(name).toString().contains(attachment), name + " references the master secret");
        }
        String bootstrap = synth.taskDefinition("db-bootstrap").toString();
        assertTrue(bootstrap.contains(attachment), "the bootstrap task uses the master secret");
        for (String variable : List.of("ACCOUNT_SERVICE_PASSWORD", "CART_SERVICE_PASSWORD", "ORDER_SERVICE_PASSWORD")) {
            assertTrue(bootstrap.contains(variable), variable);
        }
        template.resourceCountIs("Custom::StorefrontDatabaseBootstrap", 1);
    }

    @Test
    void servicesGetTheirConfigurationFromTheEnvironment() {
        for (String name : SERVICES) {
            List<String> env = synth.environmentNames(name);
            assertTrue(env.containsAll(List.of("DB_URL", "JWT_ISSUER", "QUARKUS_HTTP_PORT")), name + ": " + env);
            assertEquals("8080", synth.environmentValue(name, "QUARKUS_HTTP_PORT"));
            assertTrue(synth.environmentValue(name, "DB_URL").toString().contains("jdbc:postgresql://"), name);
            assertTrue(synth.environmentValue(name, "DB_URL").toString().contains(":5432/storefront"), name);
        }
        for (String name : List.of("cart-service", "order-service", "catalog-publisher")) {
            List<String> env = synth.environmentNames(name);
            assertTrue(env.containsAll(List.of("S3_BUCKET", "S3_REGION", "JWT_JWKS_URL")), name + ": " + env);
            assertTrue(synth.environmentValue(name, "JWT_JWKS_URL").toString().endsWith("/api/accounts/jwks.json"));
        }
        assertFalse(synth.environmentNames("account-service").contains("S3_BUCKET"));
        assertTrue(synth.environmentNames("order-service").contains("CART_SERVICE_URL"));
        assertTrue(synth.environmentNames("order-service").contains("ACCOUNT_SERVICE_URL"));
    }

    @Test
    void bucketAccessIsLeastPrivilege() {
        String cartPolicy = taskPolicyOf("CartService");
        assertTrue(cartPolicy.contains("/catalog/*"), cartPolicy);
        assertFalse(cartPolicy.contains("s3:PutObject") || cartPolicy.contains("s3:DeleteObject"), cartPolicy);
        String publisherPolicy = taskPolicyOf("CatalogPublisher");
        assertTrue(publisherPolicy.contains("s3:PutObject") && publisherPolicy.contains("s3:DeleteObject*"));
        assertFalse(template.findResources("AWS::IAM::Policy").keySet().stream()
                .anyMatch(id -> id.startsWith("AccountServiceTaskTaskRole")));
    }

    private String taskPolicyOf(String service) {
        return template.findResources("AWS::IAM::Policy").entrySet().stream()
                .filter(e -> e.getKey().startsWith(service + "TaskTaskRoleDefaultPolicy"))
                .map(e -> e.getValue().toString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task role policy for " + service));
    }

    @Test
    void everyBucketIsPrivateAndThePagesBucketIsEncryptedAndVersioned() {
        template.allResourcesProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "PublicAccessBlockConfiguration",
                        Map.of(
                                "BlockPublicAcls", true,
                                "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true,
                                "RestrictPublicBuckets", true),
                        "BucketEncryption",
                        Match.objectLike(Map.of())));
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Map.of(
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "s3/pages/"))));
        // enforceSSL: every bucket policy denies requests without TLS
        assertEquals(2, template.findResources("AWS::S3::BucketPolicy").size());
        template.allResourcesProperties(
                "AWS::S3::BucketPolicy",
                Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void cloudFrontServesTheBucketThroughOacAndSendsApiToTheAlbUncached() {
        template.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
        template.hasResourceProperties(
                "AWS::CloudFront::Distribution",
                Map.of(
                        "DistributionConfig",
                        Match.objectLike(Map.of(
                                "DefaultRootObject",
                                "index.html",
                                // the 404 page is the bucket behaviour's function (EdgeSecurityTest), never
                                // distribution-wide
                                "CustomErrorResponses",
                                Match.absent(),
                                "DefaultCacheBehavior",
                                Match.objectLike(Map.of(
                                        "ViewerProtocolPolicy", "redirect-to-https",
                                        // the managed CachingOptimized policy
                                        "CachePolicyId", "658327ea-f89d-4fab-a63d-7e88639e58f6")),
                                "CacheBehaviors",
                                List.of(Match.objectLike(Map.of(
                                        "PathPattern", "/api/*",
                                        "ViewerProtocolPolicy", "redirect-to-https",
                                        // the managed CachingDisabled policy
                                        "CachePolicyId", "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                                        // the managed AllViewerExceptHostHeader policy
                                        "OriginRequestPolicyId", "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                                        "AllowedMethods", Match.arrayWith(List.of("PATCH", "POST", "DELETE")))))))));
    }

    @Test
    void catalogIsRepublishedNightlyByAOneShotTask() {
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Map.of(
                        "ScheduleExpression",
                        "cron(0 3 * * ? *)",
                        "Targets",
                        List.of(Match.objectLike(Map.of(
                                "EcsParameters", Match.objectLike(Map.of("LaunchType", "FARGATE")),
                                "Input", Match.stringLikeRegexp(".*CATALOG_MODE.*publish-once.*"))))));
    }

    @Test
    void everyAlarmNotifiesOneTopicThatOpsSubscribeTo() {
        template.resourceCountIs("AWS::SNS::Topic", 1);
        template.resourceCountIs("AWS::SNS::Subscription", 0);
        String topic =
                template.findResources("AWS::SNS::Topic").keySet().iterator().next();
        // six per service, five for the database
        template.resourceCountIs("AWS::CloudWatch::Alarm", 4 * 6 + 5);
        template.allResourcesProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "AlarmActions", List.of(Map.of("Ref", topic)),
                        "OKActions", List.of(Map.of("Ref", topic))));
        template.hasOutput("AlarmTopicArn", Map.of("Value", Map.of("Ref", topic)));
    }

    @Test
    void eachServiceAlarmsOnItsErrorsLatencyHealthCpuAndMemory() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String name = spec.name();
            alarm(name + "-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", 5, 300, 1);
            assertEquals("Sum", alarm(name + "-5xx").get("Statistic"));
            assertEquals(
                    "p99",
                    alarm(name + "-p99-latency", "AWS/ApplicationELB", "TargetResponseTime", 1, 60, 5)
                            .get("ExtendedStatistic"));
            alarm(name + "-unhealthy-tasks", "AWS/ApplicationELB", "UnHealthyHostCount", 1, 60, 3);
            Map<String, Object> down =
                    alarm(name + "-no-healthy-task", "AWS/ApplicationELB", "HealthyHostCount", 1, 60, 2);
            assertEquals("LessThanThreshold", down.get("ComparisonOperator"));
            assertEquals("breaching", down.get("TreatMissingData"));
            alarm(name + "-cpu-high", "AWS/ECS", "CPUUtilization", 85, 300, 2);
            alarm(name + "-memory-high", "AWS/ECS", "MemoryUtilization", 90, 300, 2);
            // on this service's own ECS service and target group, not another's
            String cpuDimensions = alarm(name + "-cpu-high").get("Dimensions").toString();
            assertTrue(cpuDimensions.contains(spec.constructId()), cpuDimensions);
            String errorDimensions = alarm(name + "-5xx").get("Dimensions").toString();
            assertTrue(errorDimensions.contains(spec.constructId()), errorDimensions);
        }
    }

    @Test
    void theDatabaseAlarmsOnCpuCapacityMemoryLocalStorageAndConnections() {
        alarm("database-cpu-high", "AWS/RDS", "CPUUtilization", 80, 300, 3);
        alarm("database-acu-high", "AWS/RDS", "ACUUtilization", 90, 300, 3);
        alarm("database-freeable-memory-low", "AWS/RDS", "FreeableMemory", 256 * 1024 * 1024, 300, 3);
        alarm("database-local-storage-low", "AWS/RDS", "FreeLocalStorage", 1024 * 1024 * 1024, 300, 3);
        // dev: four services of at most 2 tasks, 4 connections each, cart-service 8; the alarm is at 80 % of those 40
        alarm("database-connections-high", "AWS/RDS", "DatabaseConnections", 32, 300, 3);
    }

    /** The alarm {@code storefront-dev-<name>}, checked for its metric, threshold, period and periods in a row. */
    private static Map<String, Object> alarm(
            String name, String namespace, String metric, double threshold, int period, int periods) {
        Map<String, Object> alarm = alarm(name);
        assertEquals(namespace, alarm.get("Namespace"), name);
        assertEquals(metric, alarm.get("MetricName"), name);
        assertEquals(threshold, ((Number) alarm.get("Threshold")).doubleValue(), name);
        assertEquals(period, ((Number) alarm.get("Period")).intValue(), name);
        assertEquals(periods, ((Number) alarm.get("EvaluationPeriods")).intValue(), name);
        return alarm;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> alarm(String name) {
        return template.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> ("storefront-dev-" + name).equals(p.get("AlarmName")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no alarm storefront-dev-" + name));
    }

    @Test
    void everyLogGroupHasARetention() {
        template.allResourcesProperties("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7));
        for (String name : SERVICES) {
            template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/storefront/dev/" + name));
        }
    }
}
