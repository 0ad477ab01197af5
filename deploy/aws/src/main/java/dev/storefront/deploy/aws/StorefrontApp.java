package dev.storefront.deploy.aws;

import dev.storefront.deploy.aws.config.EnvironmentConfig;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app. Context selects the environment and the image: {@code -c env=dev|prod} (default {@code dev}),
 * {@code -c imageTag=...} (default {@code latest}), and optionally {@code -c region=...}, {@code -c account=...},
 * {@code -c rdsProxy=true}. Nothing is looked up at synth time, so {@code cdk synth} works offline.
 */
public final class StorefrontApp {
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
        String imageTag = context(app, "imageTag", "latest");
        // Account stays a deploy-time value unless given: the stacks need no account at synth time.
        String account = context(app, "account", null);
        StackProps props = props(account, config.region());

        String prefix = "Storefront-" + config.name();
        RegistryStack registry = new RegistryStack(app, prefix + "-Registry", props, config);
        GlobalEdgeStack global =
                new GlobalEdgeStack(app, prefix + "-Global", props(account, GlobalEdgeStack.REGION), config);
        StorefrontStack shop = new StorefrontStack(app, prefix, props, config, imageTag, global);
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

    private static String context(App app, String key, String fallback) {
        Object value = app.getNode().tryGetContext(key);
        return value == null ? fallback : value.toString();
    }

    /** What {@link #build} made. */
    public record Stacks(
            EnvironmentConfig config, RegistryStack registry, GlobalEdgeStack global, StorefrontStack shop) {}
}
