package dev.storefront.deploy.aws.construct;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.CompositePrincipal;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.constructs.Construct;

/**
 * The shop's 404 page for the bucket's pages only: a Lambda@Edge function on the origin responses of the default
 * (bucket) behaviour ({@code lambda-edge/not-found-page.js}). It replaces a distribution-wide custom error response,
 * which CloudFront applies to every behaviour and so replaced the APIs' problem+json 404 bodies with HTML. Lambda@Edge
 * functions live in us-east-1 and are referenced by a numbered version.
 */
public class NotFoundPage extends Construct {
    private final Function function;

    public NotFoundPage(Construct scope, String id) {
        super(scope, id);
        // Lambda@Edge needs a role both Lambda and its edge replicas may assume; it only writes its own logs.
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new CompositePrincipal(
                        new ServicePrincipal("lambda.amazonaws.com"), new ServicePrincipal("edgelambda.amazonaws.com")))
                .managedPolicies(
                        List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole")))
                .build();
        function = Function.Builder.create(this, "Function")
                .description("storefront: the shop's 404 page for pages the bucket does not hold")
                .runtime(Runtime.NODEJS_24_X)
                .handler("index.handler")
                .code(Code.fromInline(ClasspathText.read("lambda-edge/not-found-page.js")))
                .role(role)
                .memorySize(128)
                .timeout(Duration.seconds(5))
                .build();
        Nag.suppress(
                role,
                "AwsSolutions-IAM4",
                "Lambda@Edge only writes its own logs, in every region it runs in; AWSLambdaBasicExecutionRole is that.",
                Nag.LAMBDA_BASIC_EXECUTION);
    }

    /** What the distribution associates (a numbered version; Lambda@Edge takes no alias or $LATEST). */
    public IVersion version() {
        return function.getCurrentVersion();
    }

    public Function function() {
        return function;
    }
}
