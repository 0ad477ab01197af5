package dev.storefront.deploy.aws;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;

/**
 * The ECR repositories, one per service, in a stack of their own: images must be pushed (Jib) before the services
 * that run them can start, so this stack is deployed first and outlives the application stack. Tags are immutable.
 */
public class RegistryStack extends Stack {

    public RegistryStack(Construct scope, String id, StackProps props, EnvironmentConfig config) {
        super(scope, id, props);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Repository.Builder.create(this, spec.constructId() + "Repository")
                    .repositoryName(repositoryName(config, spec))
                    .imageScanOnPush(true)
                    // A tag names one build for good: the application stack deploys by tag, so a tag pushed again
                    // would change what a running task definition means (and a rollback to it).
                    .imageTagMutability(TagMutability.IMMUTABLE)
                    .lifecycleRules(List.of(LifecycleRule.builder()
                            .description("keep the newest 30 images; older ones are never deployed again")
                            .tagStatus(TagStatus.ANY)
                            .maxImageCount(30)
                            .build()))
                    // Images are the release history; deleting the stack must not delete them.
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build();
        }
    }

    /** e.g. {@code storefront/dev/cart-service}; the application stack finds the repositories by this name. */
    public static String repositoryName(EnvironmentConfig config, ServiceSpec spec) {
        return "storefront/" + config.name() + "/" + spec.name();
    }
}
