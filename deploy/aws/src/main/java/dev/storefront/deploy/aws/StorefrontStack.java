package dev.storefront.deploy.aws;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSpec;
import dev.storefront.deploy.aws.construct.Alarms;
import dev.storefront.deploy.aws.construct.ApiService;
import dev.storefront.deploy.aws.construct.Database;
import dev.storefront.deploy.aws.construct.DatabaseBootstrap;
import dev.storefront.deploy.aws.construct.Edge;
import dev.storefront.deploy.aws.construct.FirstPublish;
import dev.storefront.deploy.aws.construct.JwtSigningKey;
import dev.storefront.deploy.aws.construct.Nag;
import dev.storefront.deploy.aws.construct.Network;
import dev.storefront.deploy.aws.construct.OperatorCommands;
import dev.storefront.deploy.aws.construct.PublicApi;
import dev.storefront.deploy.aws.construct.Scheduling;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.servicediscovery.INamespace;
import software.amazon.awscdk.services.servicediscovery.NamespaceType;
import software.constructs.Construct;

/**
 * The running shop in one environment: network, database, ALB, CloudFront and the pages bucket, one Fargate service
 * per API service, the first publish and the nightly republish. Images come from the repositories of
 * {@link RegistryStack}. The public API goes through CloudFront and the ALB; the services call each other through ECS
 * Service Connect, inside the VPC.
 */
public class StorefrontStack extends Stack {
    /**
     * Who calls whom inside the VPC: REST calls and the JWKS of account-service. Each edge opens the callee's port to
     * the caller's tasks (see {@link ApiService#acceptCallsFrom}); {@link #environment} hands out the matching URLs.
     */
    private static final Map<ServiceSpec, List<ServiceSpec>> CALLS = Map.of(
            ServiceSpec.CART, List.of(ServiceSpec.ACCOUNT),
            ServiceSpec.ORDER, List.of(ServiceSpec.CART, ServiceSpec.ACCOUNT, ServiceSpec.CATALOG),
            ServiceSpec.CATALOG, List.of(ServiceSpec.ACCOUNT));

    private final Map<String, ApiService> services = new LinkedHashMap<>();

    public StorefrontStack(
            Construct scope,
            String id,
            StackProps props,
            EnvironmentConfig config,
            String imageTag,
            GlobalEdgeStack global) {
        super(scope, id, props);
        Network network = new Network(this, "Network", config);
        Bucket accessLogs = accessLogBucket(config);
        Database db = new Database(this, "Database", config, network);
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName("storefront-" + config.name())
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        // An HTTP namespace: Service Connect resolves names in its own proxy, so no Route 53 zone is needed.
        INamespace namespace = cluster.addDefaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                .name(namespaceName(config))
                .type(NamespaceType.HTTP)
                .useForServiceConnect(true)
                .build());
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(this, "DatabaseBootstrap", config, network, cluster, db);
        JwtSigningKey jwt =
                new JwtSigningKey(this, "JwtSigningKey", config, "jwt-signing-keys", "account-service", imageTag);
        // order-service's own identity towards cart-service (service tokens, scope cart:clear)
        JwtSigningKey serviceJwt = new JwtSigningKey(
                this, "ServiceJwtSigningKey", config, "service-jwt-signing-keys", "order-service", imageTag);
        PublicApi api = new PublicApi(this, "PublicApi", network, accessLogs);
        Edge edge = new Edge(
                this,
                "Edge",
                config,
                api.alb(),
                accessLogs,
                global.firewall().webAclArn(),
                global.notFoundPage().version());
        Alarms alarms = new Alarms(this, "Alarms", config);
        alarms.watch(db.cluster());

        for (ServiceSpec spec : ServiceSpec.ALL) {
            ApiService service = new ApiService(
                    this,
                    spec.constructId(),
                    new ApiService.Props(
                            spec,
                            config,
                            network,
                            cluster,
                            namespace,
                            api.listener(),
                            Repository.fromRepositoryName(
                                    this,
                                    spec.constructId() + "Repository",
                                    RegistryStack.repositoryName(config, spec)),
                            imageTag,
                            environment(spec, config, db, edge, serviceJwt),
                            secrets(spec, db, jwt, serviceJwt)));
            db.allowFrom(service.securityGroup(), spec.name());
            service.grantBucket(edge.pages());
            // Starting before the bootstrap has created the role would only fail and trip the circuit breaker.
            service.service().getNode().addDependency(bootstrap.completion());
            services.put(spec.name(), service);
            alarms.watch(service);
        }
        services.get(ServiceSpec.ACCOUNT.name()).service().getNode().addDependency(jwt.initialKey());
        services.get(ServiceSpec.ORDER.name()).service().getNode().addDependency(serviceJwt.initialKey());
        for (ServiceSpec caller : ServiceSpec.ALL) {
            for (ServiceSpec callee : CALLS.getOrDefault(caller, List.of())) {
                services.get(callee.name()).acceptCallsFrom(services.get(caller.name()));
            }
        }

        new Scheduling(this, "Scheduling", config, network, cluster, services.get(ServiceSpec.CATALOG.name()));
        new FirstPublish(this, "FirstPublish", network, cluster, services.get(ServiceSpec.CATALOG.name()));

        // CDK's LogRetention function (it sets the retention of the database's exported log group) and the function
        // behind AwsCustomResource (PublicApi's prefix-list lookup) are singletons at stack level, outside any
        // construct of ours.
        Nag.suppress(
                this,
                "AwsSolutions-IAM4",
                "CDK's LogRetention and AwsCustomResource functions only write their own logs "
                        + "(AWSLambdaBasicExecutionRole).",
                "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        Nag.suppress(
                this,
                "AwsSolutions-IAM5",
                "CDK's LogRetention function sets retention on log groups it only learns at deploy time.",
                "Resource::\\*");

        CfnOutput.Builder.create(this, "SiteUrl").value(edge.siteUrl()).build();
        CfnOutput.Builder.create(this, "AlbDnsName")
                .value(api.alb().getLoadBalancerDnsName())
                .build();
        CfnOutput.Builder.create(this, "PagesBucket")
                .value(edge.pages().getBucketName())
                .build();
        CfnOutput.Builder.create(this, "AlarmTopicArn")
                .description("Subscribe to this SNS topic to be told when an alarm fires or clears")
                .value(alarms.topic().getTopicArn())
                .build();
        CfnOutput.Builder.create(this, "DatabaseBootstrapTaskDefinition")
                .value(bootstrap.taskDefinition().getTaskDefinitionArn())
                .build();
        ApiService account = services.get(ServiceSpec.ACCOUNT.name());
        for (String command : List.of("grant-admin", "revoke-admin")) {
            String outputId = command.equals("grant-admin") ? "GrantAdminCommand" : "RevokeAdminCommand";
            CfnOutput.Builder.create(this, outputId)
                    .description("Set EMAIL, then run this (bash): account-service's task runs " + command
                            + " $EMAIL once and prints its exit code (docs/deploy.md)")
                    .value(OperatorCommands.accountCommand(this, cluster, network, account, command))
                    .build();
        }
    }

    /** The Service Connect namespace, one per environment: dev and prod may share an account. */
    private static String namespaceName(EnvironmentConfig config) {
        return "storefront-" + config.name() + ".local";
    }

    /**
     * Plain configuration only; anything secret goes through {@link #secrets}. Calls to another service use its
     * Service Connect name, never the ALB: no round trip out through NAT and back in, and the proxy keeps connections
     * alive inside the VPC.
     */
    private Map<String, String> environment(
            ServiceSpec spec, EnvironmentConfig config, Database db, Edge edge, JwtSigningKey serviceJwt) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", db.jdbcUrl());
        if (!db.proxied()) {
            // what DB_URL's verify-full checks the cluster's certificate against (not needed through an RDS Proxy)
            env.put(Database.CA_CERTIFICATE_VARIABLE, db.caCertificate());
        }
        env.put("JWT_ISSUER", config.jwtIssuer());
        if (spec.bucketAccess() != ServiceSpec.BucketAccess.NONE) {
            env.put("S3_BUCKET", edge.pages().getBucketName());
            env.put("S3_REGION", getRegion());
        }
        if (spec.equals(ServiceSpec.ACCOUNT)) {
            // CloudFront and the ALB each append to X-Forwarded-For; the client is the entry before those two. Only
            // CloudFront reaches the internal ALB (its VPC origin), so both entries on the right are always ours.
            env.put("FORWARDED_HOPS", "2");
            env.put("TRUSTED_PROXIES", "0.0.0.0/0,::/0");
        } else {
            env.put("JWT_JWKS_URL", ApiService.internalUrl(ServiceSpec.ACCOUNT) + "/api/accounts/jwks.json");
        }
        if (spec.equals(ServiceSpec.CART) || spec.equals(ServiceSpec.CATALOG)) {
            // order-service's public keys (cart-service: to clear a cart; catalog-publisher: to hear that a sku sold
            // out
            // or came back), handed over by the deployment rather than fetched: neither can call order-service through
            // Service Connect, since order-service calls both (a task resolves only endpoints that existed when it
            // started, so callers deploy after callees, and that order cannot go both ways). Public material, so plain
            // configuration.
            env.put("SERVICE_JWT_JWKS", serviceJwt.publicJwks());
        }
        if (spec.equals(ServiceSpec.ORDER)) {
            env.put("CART_SERVICE_URL", ApiService.internalUrl(ServiceSpec.CART));
            env.put("ACCOUNT_SERVICE_URL", ApiService.internalUrl(ServiceSpec.ACCOUNT));
            env.put("CATALOG_SERVICE_URL", ApiService.internalUrl(ServiceSpec.CATALOG));
        }
        if (spec.equals(ServiceSpec.CATALOG)) {
            env.put("SITE_URL", edge.siteUrl());
        }
        return env;
    }

    /**
     * Each service gets its own database login; account-service alone gets the access tokens' signing keys, and
     * order-service alone those of its service tokens.
     */
    private static Map<String, Secret> secrets(
            ServiceSpec spec, Database db, JwtSigningKey jwt, JwtSigningKey serviceJwt) {
        Map<String, Secret> secrets = new HashMap<>();
        secrets.put("DB_USER", Secret.fromSecretsManager(db.secretOf(spec), "username"));
        secrets.put("DB_PASSWORD", Secret.fromSecretsManager(db.secretOf(spec), "password"));
        if (spec.equals(ServiceSpec.ACCOUNT)) {
            secrets.put("JWT_SIGNING_KEYS", Secret.fromSecretsManager(jwt.secret()));
        }
        if (spec.equals(ServiceSpec.ORDER)) {
            secrets.put("SERVICE_JWT_SIGNING_KEYS", Secret.fromSecretsManager(serviceJwt.secret()));
        }
        return secrets;
    }

    /** Where the ALB, CloudFront and the pages bucket write their access logs. */
    private Bucket accessLogBucket(EnvironmentConfig config) {
        return Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                // CloudFront standard logging still writes with ACLs.
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                // ALB access logs only support SSE-S3.
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(false)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(config.retainData() ? 365 : 30))
                        .build()))
                .removalPolicy(config.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
    }

    public Map<String, ApiService> services() {
        return services;
    }
}
