package dev.storefront.deploy.aws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesises each environment once per test JVM (the first synth starts jsii's Node.js process and takes seconds),
 * and offers lookups into the template that the tests share.
 */
final class Synth {
    /** The image tag every synthesis here deploys ({@code -c imageTag}, which the application stack requires). */
    static final String IMAGE_TAG = "0a1b2c3";

    private static final Map<String, Synth> CACHE = new ConcurrentHashMap<>();

    final StorefrontApp.Stacks stacks;
    final Template shop;
    final Template registry;
    final Template global;

    private Synth(Map<String, String> context) {
        App app = new App(AppProps.builder().context(Map.copyOf(context)).build());
        stacks = StorefrontApp.build(app);
        shop = Template.fromStack(stacks.shop());
        registry = Template.fromStack(stacks.registry());
        global = Template.fromStack(stacks.global());
    }

    static Synth of(String env) {
        return CACHE.computeIfAbsent(env, e -> new Synth(Map.of("env", e, "imageTag", IMAGE_TAG)));
    }

    /** {@code env} with {@code -c rdsProxy=true}. */
    static Synth withRdsProxy(String env) {
        return CACHE.computeIfAbsent(
                env + "+rdsProxy", e -> new Synth(Map.of("env", env, "rdsProxy", "true", "imageTag", IMAGE_TAG)));
    }

    /** The task definition of family {@code storefront-<env>-<name>}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> taskDefinition(String name) {
        String family = "storefront-" + stacks.config().name() + "-" + name;
        return shop.findResources("AWS::ECS::TaskDefinition").values().stream()
                .map(r -> (Map<String, Object>) r.get("Properties"))
                .filter(p -> family.equals(p.get("Family")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no task definition " + family));
    }

    /** The single container of a service's task definition. */
    @SuppressWarnings("unchecked")
    Map<String, Object> container(String name) {
        List<Map<String, Object>> containers =
                (List<Map<String, Object>>) taskDefinition(name).get("ContainerDefinitions");
        return containers.get(0);
    }

    @SuppressWarnings("unchecked")
    List<String> environmentNames(String name) {
        List<Map<String, Object>> env =
                (List<Map<String, Object>>) container(name).getOrDefault("Environment", List.of());
        return env.stream().map(e -> (String) e.get("Name")).toList();
    }

    @SuppressWarnings("unchecked")
    Object environmentValue(String name, String variable) {
        List<Map<String, Object>> env =
                (List<Map<String, Object>>) container(name).get("Environment");
        return env.stream()
                .filter(e -> variable.equals(e.get("Name")))
                .map(e -> e.get("Value"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no " + variable));
    }

    @SuppressWarnings("unchecked")
    List<String> secretNames(String name) {
        List<Map<String, Object>> secrets =
                (List<Map<String, Object>>) container(name).getOrDefault("Secrets", List.of());
        return secrets.stream().map(e -> (String) e.get("Name")).toList();
    }
}
