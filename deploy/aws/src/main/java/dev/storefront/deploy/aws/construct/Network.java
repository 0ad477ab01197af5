package dev.storefront.deploy.aws.construct;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import java.util.List;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The VPC: public subnets for the ALB and NAT gateways, private subnets with egress for the tasks (they pull images
 * and call S3 and Secrets Manager), and isolated subnets for the database, which never needs the internet.
 */
public class Network extends Construct {
    private final Vpc vpc;

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
    }

    private static SubnetConfiguration subnet(String name, SubnetType type, int cidrMask) {
        return SubnetConfiguration.builder()
                .name(name)
                .subnetType(type)
                .cidrMask(cidrMask)
                .build();
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
