package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import java.util.List;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpoint;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The VPC: public subnets for the ALB and NAT gateways, private subnets with egress for the tasks (they pull images
 * and call Secrets Manager; S3 through a gateway endpoint), and isolated subnets for the database, which never needs
 * the internet.
 */
public class Network extends Construct {
    private final Vpc vpc;
    private final GatewayVpcEndpoint s3Endpoint;

    public Network(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(config.logRetention())
                .removalPolicy(Removal.of(config))
                .build();
        vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(config.maxAzs())
                .natGateways(config.natGateways())
                .subnetConfiguration(List.of(
                        subnet("public", SubnetType.PUBLIC, 24),
                        subnet("app", SubnetType.PRIVATE_WITH_EGRESS, 22),
                        subnet("data", SubnetType.PRIVATE_ISOLATED, 24)))
                // Rejected traffic is what an incident review needs; accepted traffic would only cost money.
                .flowLogs(java.util.Map.of(
                        "Rejected",
                        FlowLogOptions.builder()
                                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                                .trafficType(FlowLogTrafficType.REJECT)
                                .build()))
                .build();
        // S3 (the pages bucket, and the layers of every image ECR serves, which live in S3) without the NAT gateway:
        // a gateway endpoint costs nothing and takes the bulk of the tasks' traffic off NAT's per-GB charge. Interface
        // endpoints (ECR, Secrets Manager, CloudWatch Logs) are left out: about 7-9 USD a month each per AZ against
        // small traffic (API calls, secrets read once per task start, log lines), and the NAT gateway stays anyway
        // (docs/deploy.md, "Cost notes").
        s3Endpoint = vpc.addGatewayEndpoint(
                "S3",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.S3)
                        .subnets(List.of(appSubnets()))
                        .build());
    }

    private static SubnetConfiguration subnet(String name, SubnetType type, int cidrMask) {
        return SubnetConfiguration.builder()
                .name(name)
                .subnetType(type)
                .cidrMask(cidrMask)
                .build();
    }

    public GatewayVpcEndpoint s3Endpoint() {
        return s3Endpoint;
    }

    public Vpc vpc() {
        return vpc;
    }

    public SubnetSelection appSubnets() {
        return SubnetSelection.builder()
                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                .build();
    }

    public SubnetSelection dataSubnets() {
        return SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();
    }
}
