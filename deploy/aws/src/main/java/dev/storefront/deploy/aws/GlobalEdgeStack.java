package dev.storefront.deploy.aws;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.construct.NotFoundPage;
import dev.storefront.deploy.aws.construct.WebFirewall;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * What CloudFront needs from us-east-1, whatever region the shop runs in: the AWS WAF web ACL in front of the
 * distribution (scope {@code CLOUDFRONT}, which exists in us-east-1 only) and the Lambda@Edge function that serves the
 * shop's 404 page (Lambda@Edge functions are created in us-east-1 only). The application stack reads their ARNs through
 * CDK's cross-region references (SSM parameters here, read by a custom resource there), so this stack is deployed
 * first.
 */
public class GlobalEdgeStack extends Stack {
    /** CloudFront's global resources (WAF web ACLs, Lambda@Edge) live here, and only here. */
    public static final String REGION = "us-east-1";

    private final WebFirewall firewall;
    private final NotFoundPage notFoundPage;

    public GlobalEdgeStack(Construct scope, String id, StackProps props, EnvironmentConfig config) {
        super(scope, id, props);
        firewall = new WebFirewall(this, "Firewall", config);
        notFoundPage = new NotFoundPage(this, "NotFoundPage");
    }

    public NotFoundPage notFoundPage() {
        return notFoundPage;
    }

    public WebFirewall firewall() {
        return firewall;
    }
}
