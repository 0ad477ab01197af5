package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * cdk-nag's AwsSolutions pack over all three stacks of both environments: any error not suppressed (with a reason, in
 * {@code Compliance}) fails the build.
 */
class CdkNagTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noUnsuppressedAwsSolutionsErrors(String env) {
        App app = new App(AppProps.builder()
                .context(Map.of("env", env, "imageTag", Synth.IMAGE_TAG))
                .build());
        StorefrontApp.Stacks stacks = StorefrontApp.build(app);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());

        List<String> errors = Stream.of(stacks.registry(), stacks.global(), stacks.shop())
                .flatMap(stack -> errorsOf(stack).stream())
                .toList();
        assertTrue(errors.isEmpty(), errors.size() + " cdk-nag errors:\n" + String.join("\n", errors));
    }

    private static List<String> errorsOf(Stack stack) {
        List<SynthesisMessage> messages =
                Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        return messages.stream()
                .map(m -> m.getId() + ": " + m.getEntry().getData())
                .toList();
    }
}
