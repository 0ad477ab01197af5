package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RegistryStackTest {

    @Test
    void oneRetainedScannedRepositoryPerService() {
        Template registry = Synth.of("dev").registry;
        registry.resourceCountIs("AWS::ECR::Repository", 4);
        for (ServiceSpec spec : ServiceSpec.ALL) {
            registry.hasResource(
                    "AWS::ECR::Repository",
                    Map.of(
                            "DeletionPolicy",
                            "Retain",
                            "Properties",
                            Match.objectLike(Map.of(
                                    "RepositoryName",
                                    "storefront/dev/" + spec.name(),
                                    "ImageScanningConfiguration",
                                    Map.of("ScanOnPush", true)))));
        }
    }

    /** A tag deployed once always means the same image: pushing it again fails instead of changing a release. */
    @Test
    void tagsAreImmutable() {
        for (String env : new String[] {"dev", "prod"}) {
            Template registry = Synth.of(env).registry;
            registry.allResourcesProperties(
                    "AWS::ECR::Repository", Match.objectLike(Map.of("ImageTagMutability", "IMMUTABLE")));
        }
    }

    @Test
    void servicesPullTheConfiguredTagFromThoseRepositories() {
        String image = Synth.of("dev").container("cart-service").get("Image").toString();
        assertTrue(image.contains("storefront/dev/cart-service:" + Synth.IMAGE_TAG), image);
    }
}
