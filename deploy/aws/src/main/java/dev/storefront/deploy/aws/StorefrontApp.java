package dev.storefront.deploy.aws;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app. Context selects the environment and the image: {@code -c env=dev|prod} (default {@code dev}),
 * {@code -c imageTag=...} (required by the application stack, see {@link #imageTagProblem}), and optionally
 * {@code -c region=...}, {@code -c account=...}, {@code -c rdsProxy=true}. Nothing is looked up at synth time, so
 * {@code cdk synth} works offline.
 */
public final class StorefrontApp {
    /** Stands in for a missing or refused tag; the application stack then carries an error and cannot deploy. */
    static final String NO_IMAGE_TAG = "no-image-tag";

    private StorefrontApp() {}

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds both stacks of the environment named in {@code app}'s context; tests call this with their own App. */
    public static Stacks build(App app) {
        EnvironmentConfig base = EnvironmentConfig.named(context(app, "env", "dev"));
        EnvironmentConfig config = base.with(
                context(app, "region", base.region()), Boolean.parseBoolean(context(app, "rdsProxy", "false")));
        String imageTag = context(app, "imageTag", null);
        String tagProblem = imageTagProblem(imageTag, config);
        // Account stays a deploy-time value unless given: the stacks need no account at synth time.
        String account = context(app, "account", null);
        StackProps props = props(account, config.region());

        String prefix = "Storefront-" + config.name();
        RegistryStack registry = new RegistryStack(app, prefix + "-Registry", props, config);
        GlobalEdgeStack global =
                new GlobalEdgeStack(app, prefix + "-Global", props(account, GlobalEdgeStack.REGION), config);
        StorefrontStack shop =
                new StorefrontStack(app, prefix, props, config, tagProblem == null ? imageTag : NO_IMAGE_TAG, global);
        if (tagProblem != null) {
            // An error on this stack only: the CLI refuses to synthesise or deploy the stacks it selects when they
            // carry one, so the registry and global stacks, which are deployed before any image exists, still deploy.
            Annotations.of(shop).addError(tagProblem);
        }
        shop.addDependency(registry, "images are pulled from the registry's repositories");
        Tags.of(app).add("app", "storefront");
        Tags.of(app).add("env", config.name());
        return new Stacks(config, registry, global, shop);
    }

    /**
     * Cross-region references on: the application stack reads the web ACL's ARN from {@link GlobalEdgeStack}, in
     * us-east-1 (CDK writes it to an SSM parameter there and reads it with a custom resource).
     */
    private static StackProps props(String account, String region) {
        return StackProps.builder()
                .env(Environment.builder().account(account).region(region).build())
                .crossRegionReferences(true)
                .build();
    }

    /**
     * Why {@code tag} cannot be deployed, or null. There is no default: the images are pushed under the tag of their
     * build ({@code -Dimage.tag=$TAG}, the git commit in docs/deploy.md), the repositories' tags are immutable, and a
     * task definition that names a tag nobody pushed fails only after CloudFormation has waited for the service.
     * {@code latest} is refused for the same reason, and because a new task definition needs a new tag to roll.
     */
    static String imageTagProblem(String tag, EnvironmentConfig config) {
        String how = "pass the tag the images were pushed with (docs/deploy.md, \"Publishing images to ECR\"), e.g. "
                + "npx cdk deploy Storefront-" + config.name() + " -c env=" + config.name()
                + " -c imageTag=$(git rev-parse --short HEAD)";
        if (tag == null || tag.isBlank()) {
            return "No image tag: " + how;
        }
        if (tag.equals("latest")) {
            return "Image tag 'latest' is never pushed (tags are immutable, one per build): " + how;
        }
        if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            return "Image tag '" + tag + "' is not a valid image tag: " + how;
        }
        return null;
    }

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    /** What {@link #build} made. */
    public record Stacks(
            EnvironmentConfig config, RegistryStack registry, GlobalEdgeStack global, StorefrontStack shop) {}
}
