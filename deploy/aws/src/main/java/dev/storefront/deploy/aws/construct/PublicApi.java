package dev.storefront.deploy.aws.construct;

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
 * anything no service claims gets a 404 from the ALB itself. CloudFront is its client, over HTTP: the ALB has no
 * domain of its own, so there is no certificate to terminate TLS with, and viewers only ever speak HTTPS to
 * CloudFront.
 */
public class PublicApi extends Construct {
    private final ApplicationLoadBalancer alb;
    private final ApplicationListener listener;

    public PublicApi(Construct scope, String id, Network network, IBucket accessLogs) {
        super(scope, id);
        alb = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .vpc(network.vpc())
                .internetFacing(true)
                .dropInvalidHeaderFields(true)
                .build();
        alb.logAccessLogs(accessLogs, "alb");
        listener = alb.addListener(
                "Http",
                BaseApplicationListenerProps.builder()
                        .port(80)
                        .protocol(ApplicationProtocol.HTTP)
                        .open(true)
                        .defaultAction(ListenerAction.fixedResponse(
                                404,
                                FixedResponseOptions.builder()
                                        .contentType("application/json")
                                        .messageBody(
                                                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")
                                        .build()))
                        .build());
        Nag.suppress(
                alb,
                "AwsSolutions-EC23",
                "The ALB is CloudFront's origin and must accept it; CloudFront's origin-facing prefix list is "
                        + "region-specific and would need a lookup at synth time, which this app avoids. Restricting "
                        + "to it (or a shared origin header) is a follow-up.");
    }

    public ApplicationLoadBalancer alb() {
        return alb;
    }

    public ApplicationListener listener() {
        return listener;
    }
}
