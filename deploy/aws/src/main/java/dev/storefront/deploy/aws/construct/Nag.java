package dev.storefront.deploy.aws.construct;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.Arrays;
import java.util.List;
import software.constructs.IConstruct;

/**
 * cdk-nag suppressions, each with the reason it is acceptable. They sit in the construct that owns the resource, so a
 * suppression is read (and removed) together with the code it excuses. {@code CdkNagTest} fails on anything else.
 */
public final class Nag {
    private Nag() {}

    /** Suppresses rule {@code id} on {@code scope} and its children, for every finding. */
    public static void suppress(IConstruct scope, String id, String reason) {
        NagSuppressions.addResourceSuppressions(
                scope,
                List.of(NagPackSuppression.builder().id(id).reason(reason).build()),
                true);
    }

    /**
     * Suppresses rule {@code id} on {@code scope} and its children only for findings matching one of the
     * {@code findings} regular expressions (e.g. {@code Action::s3:GetObject\*}).
     */
    public static void suppress(IConstruct scope, String id, String reason, String... findings) {
        List<Object> appliesTo = Arrays.stream(findings)
                .map(regex -> (Object)
                        RegexAppliesTo.builder().regex("/^" + regex + "$/").build())
                .toList();
        NagSuppressions.addResourceSuppressions(
                scope,
                List.of(NagPackSuppression.builder()
                        .id(id)
                        .reason(reason)
                        .appliesTo(appliesTo)
                        .build()),
                true);
    }

    static final String LAMBDA_BASIC_EXECUTION =
            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    /** The findings every CDK custom-resource provider brings: its framework functions and their roles. */
    static void suppressCustomResourceProvider(IConstruct scope) {
        suppress(
                scope,
                "AwsSolutions-IAM4",
                "Custom-resource functions only write their own logs; AWSLambdaBasicExecutionRole is exactly that.",
                LAMBDA_BASIC_EXECUTION);
        suppress(
                scope,
                "AwsSolutions-IAM5",
                "The CDK Provider framework may invoke any version of its own handler functions (<fn>.Arn:*).",
                "Resource::<.*\\.Arn>:\\*");
    }
}
