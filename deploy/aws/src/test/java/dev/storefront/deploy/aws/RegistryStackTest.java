package dev.storefront.deploy.aws;

import dev.storefront.deploy.aws.config.ServiceSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
                            software.amazon.awscdk.assertions.Match.objectLike(Map.of(
                                    "RepositoryName",
                                    "storefront/dev/" + spec.name(),
                                    "ImageScanningConfiguration",
                                    Map.of("ScanOnPush", true)))));
        }
    }

    @Test
    void servicesPullTheConfiguredTagFromThoseRepositories() {
        String image = Synth.of("dev").container("cart-service").get("Image").toString();
        org.junit.jupiter.api.Assertions.assertTrue(image.contains("storefront/dev/cart-service:latest"), image);
    }
}
