package dev.storefront.deploy.aws.construct;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The one ALB in front of every service. Each {@link ApiService} adds its own path rule to {@link #listener()};
 * anything no service claims gets a 404 from the ALB itself.
 *
 * <p>The ALB is internal (private subnets, no public address) and CloudFront is its only client, through a VPC origin
 * ({@link Edge}): its security group admits port 80 from CloudFront's origin-facing managed prefix list and nothing
 * else. The prefix list's id differs per region, so it is looked up when the stack deploys, not at synth time (synth
 * stays offline).
 */
public class PublicApi extends Construct {
    /** AWS's managed prefix list of the addresses CloudFront connects to origins from, VPC origins included. */
    public static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";

    private final ApplicationLoadBalancer alb;
    private final ApplicationListener listener;

    public PublicApi(Construct scope, String id, Network network, IBucket accessLogs) {
        super(scope, id);
        alb = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(network.vpc())
                .internetFacing(false)
                .vpcSubnets(network.appSubnets())
                .dropInvalidHeaderFields(true)
                .build();
        alb.logAccessLogs(accessLogs, "alb");
        listener = alb.addListener(
                "Http",
                BaseApplicationListenerProps.builder()
                        .port(Edge.ORIGIN_HTTP_PORT)
                        .protocol(ApplicationProtocol.HTTP)
                        // no 0.0.0.0/0 rule: the only ingress is CloudFront's, below
                        .open(false)
                        .defaultAction(ListenerAction.fixedResponse(
                                404,
                                FixedResponseOptions.builder()
                                        .contentType("application/json")
                                        .messageBody(
                                                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")
                                        .build()))
                        .build());
        alb.getConnections()
                .allowFrom(
                        Peer.prefixList(cloudFrontPrefixListId()),
                        Port.tcp(Edge.ORIGIN_HTTP_PORT),
                        "CloudFront VPC origin (" + CLOUDFRONT_PREFIX_LIST + ")");
    }

    /** The id ({@code pl-…}) of {@link #CLOUDFRONT_PREFIX_LIST} in the stack's region, read at deploy time. */
    private String cloudFrontPrefixListId() {
        AwsSdkCall describe = AwsSdkCall.builder()
                .service("EC2")
                .action("describeManagedPrefixLists")
                .parameters(Map.of(
                        "Filters",
                        List.of(Map.of("Name", "prefix-list-name", "Values", List.of(CLOUDFRONT_PREFIX_LIST)))))
                .physicalResourceId(PhysicalResourceId.of(CLOUDFRONT_PREFIX_LIST))
                .outputPaths(List.of("PrefixLists.0.PrefixListId"))
                .build();
        AwsCustomResource lookup = AwsCustomResource.Builder.create(this, "CloudFrontPrefixList")
                .onCreate(describe)
                .onUpdate(describe)
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(AwsCustomResourcePolicy.ANY_RESOURCE)
                        .build()))
                .installLatestAwsSdk(false)
                .build();
        Nag.suppress(
                lookup,
                "AwsSolutions-IAM5",
                "ec2:DescribeManagedPrefixLists has no resource-level permissions; the lookup only reads.",
                "Resource::\\*");
        return lookup.getResponseField("PrefixLists.0.PrefixListId");
    }

    public ApplicationLoadBalancer alb() {
        return alb;
    }

    public ApplicationListener listener() {
        return listener;
    }
}
