package dev.storefront.deploy.aws.construct;

import java.util.List;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.services.ecs.Cluster;
import software.constructs.Construct;

/**
 * The deployment publishes the site itself, so a new environment serves its pages without anyone calling the admin
 * API: catalog-publisher's own task definition, run once with the command {@code publish-once} (a full publish, then
 * exit 0; {@code CatalogPublisherMain}), and waited for. It runs when the stack is created (or gains this resource) and
 * again whenever catalog-publisher's task definition changes, i.e. with each new image, so new templates reach the
 * pages with the release instead of at the nightly publish; any other update runs nothing. A full publish writes the
 * same pages from the same catalog, so running it again is harmless. Like the nightly publish it runs outside Service
 * Connect, which a publish does not need.
 */
public class FirstPublish extends Construct {
    /** catalog-publisher's one-shot mode, as an argument to the image's {@code java -jar} entrypoint. */
    public static final String COMMAND = "publish-once";

    private final CustomResource run;

    public FirstPublish(Construct scope, String id, Network network, Cluster cluster, ApiService publisher) {
        super(scope, id);
        run = OneOffTask.runOnDeploy(
                this,
                "Custom::StorefrontFirstPublish",
                new OneOffTask.Run(
                        publisher.taskDefinition(),
                        cluster,
                        network.vpc().selectSubnets(network.appSubnets()).getSubnetIds(),
                        List.of(publisher.securityGroup().getSecurityGroupId()),
                        ApiService.CONTAINER_NAME,
                        List.of(COMMAND),
                        "first-publish"));
        // After the service is up: its tasks have migrated the catalog schema, and its role may write the bucket.
        run.getNode().addDependency(publisher);
    }

    public CustomResource run() {
        return run;
    }
}
