package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The application stack deploys only a tag someone pushed: without {@code -c imageTag} (or with {@code latest}) it
 * carries an error that names how to pass one, so {@code cdk deploy Storefront-<env>} stops before CloudFormation
 * starts. The registry and global stacks, deployed before any image exists, carry none.
 */
class ImageTagTest {

    @Test
    void withoutATagOnlyTheApplicationStackRefusesToDeployAndSaysHowToPassOne() {
        StorefrontApp.Stacks stacks = synth(Map.of("env", "dev"));
        List<SynthesisMessage> errors = errors(stacks.shop());
        assertEquals(1, errors.size(), errors.toString());
        String message = errors.get(0).getEntry().getData().toString();
        assertTrue(message.contains("-c imageTag=$(git rev-parse --short HEAD)"), message);
        assertTrue(message.contains("npx cdk deploy Storefront-dev -c env=dev"), message);
        assertEquals(List.of(), errors(stacks.registry()));
        assertEquals(List.of(), errors(stacks.global()));
    }

    @Test
    void latestIsRefused() {
        List<SynthesisMessage> errors =
                errors(synth(Map.of("env", "prod", "imageTag", "latest")).shop());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).getEntry().getData().toString().contains("'latest'"), errors.toString());
    }

    @Test
    void aPushedTagIsAccepted() {
        assertEquals(List.of(), errors(Synth.of("dev").stacks.shop()));
    }

    private static StorefrontApp.Stacks synth(Map<String, String> context) {
        return StorefrontApp.build(new App(AppProps.builder().context(context).build()));
    }

    private static List<SynthesisMessage> errors(software.amazon.awscdk.Stack stack) {
        return Annotations.fromStack(stack).findError("*", Match.anyValue());
    }
}
