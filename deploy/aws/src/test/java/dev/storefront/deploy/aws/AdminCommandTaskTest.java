package dev.storefront.deploy.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;

/**
 * What the runbook's {@code aws ecs run-task} for {@code grant-admin <email>} relies on (docs/deploy.md, "Granting or
 * revoking the admin role"): account-service's task definition under a fixed family, its container named {@code app}
 * with no command of its own (so the override's arguments reach the image's {@code java -jar} entrypoint), and a
 * service whose network configuration (private subnets, a security group the database admits) the task can reuse; and
 * the stack outputs that hold the whole command, which bash runs as they are once {@code EMAIL} is set.
 */
class AdminCommandTaskTest {
    @TempDir
    Path work;

    @Test
    void theTaskDefinitionLeavesTheCommandToTheOverride() {
        Synth dev = Synth.of("dev");
        Map<String, Object> container = dev.container("account-service");
        assertEquals("app", container.get("Name"));
        assertFalse(container.containsKey("Command"), "a command would replace the override's: " + container);
        assertFalse(container.containsKey("EntryPoint"), "the image's java -jar entrypoint must stay: " + container);
        assertTrue(
                dev.secretNames("account-service").containsAll(List.of("DB_USER", "DB_PASSWORD", "JWT_SIGNING_KEYS")));
        assertEquals(
                "FARGATE", ((List<?>) dev.taskDefinition("account-service").get("RequiresCompatibilities")).get(0));
    }

    @Test
    void theServiceHasTheNetworkConfigurationTheTaskReuses() {
        Synth dev = Synth.of("dev");
        Map<?, ?> service = dev.shop.findResources("AWS::ECS::Service").values().stream()
                .map(r -> (Map<?, ?>) r.get("Properties"))
                .filter(p -> "account-service".equals(p.get("ServiceName")))
                .findFirst()
                .orElseThrow();
        Map<?, ?> vpc = (Map<?, ?>) ((Map<?, ?>) service.get("NetworkConfiguration")).get("AwsvpcConfiguration");
        assertEquals("DISABLED", vpc.get("AssignPublicIp"));
        String group = ((Map<?, ?>) ((List<?>) vpc.get("SecurityGroups")).get(0)).toString();
        assertTrue(group.contains("AccountService"), group);
        // that group may reach the database, which the command needs
        boolean admitted = dev.shop.findResources("AWS::EC2::SecurityGroupIngress").values().stream()
                .map(r -> (Map<?, ?>) r.get("Properties"))
                // the cluster's own port (allowDefaultPortFrom): a reference to its endpoint's port, not a literal
                .anyMatch(p -> String.valueOf(p.get("GroupId")).contains("Database")
                        && String.valueOf(p.get("FromPort")).contains("Endpoint.Port")
                        && String.valueOf(p.get("SourceSecurityGroupId")).contains("AccountService"));
        assertTrue(admitted, "account-service's security group is not admitted to the database");
    }

    /**
     * The output {@code GrantAdminCommand}, with its deploy-time ids (cluster, subnets, security group) filled in, run
     * by bash against a fake {@code aws}: the arguments {@code aws ecs run-task} receives are the right ones, quoting
     * included, and the command waits for the task and asks for its exit code.
     */
    @Test
    void theGrantAdminOutputIsACommandBashRunsAsItIs() throws Exception {
        Synth dev = Synth.of("dev");
        String json = String.valueOf(dev.shop.findOutputs("GrantAdminCommand", Match.anyValue()));
        assertTrue(json.matches("(?s).*NetworkVpcappSubnet1Subnet.*NetworkVpcappSubnet2Subnet.*"), json);
        assertFalse(json.contains("dataSubnet") || json.contains("publicSubnet"), json);
        assertTrue(json.contains("AccountServiceSecurityGroup"), json);

        List<String> calls = runWithFakeAws(outputCommand(dev, "GrantAdminCommand"), "EMAIL=first.admin@example.com");
        List<String> runTask = List.of(calls.get(0).split("\n"));
        assertEquals(List.of("ecs", "run-task"), runTask.subList(0, 2));
        assertEquals("storefront-dev-account-service", after(runTask, "--task-definition"));
        assertEquals("FARGATE", after(runTask, "--launch-type"));
        assertEquals("eu-central-1", after(runTask, "--region"));
        assertEquals("cluster-0", after(runTask, "--cluster"));
        assertEquals(
                "awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-3],assignPublicIp=DISABLED}",
                after(runTask, "--network-configuration"));
        assertEquals(
                "{\"containerOverrides\":[{\"name\":\"app\",\"command\":[\"grant-admin\",\"first.admin@example.com\"]}]}",
                after(runTask, "--overrides"));
        assertTrue(calls.get(1).startsWith("ecs\nwait\ntasks-stopped\n"), calls.get(1));
        assertTrue(calls.get(1).contains("--tasks\narn:aws:ecs:task/fake"), calls.get(1));
        assertTrue(calls.get(2).startsWith("ecs\ndescribe-tasks\n"), calls.get(2));
        assertTrue(calls.get(2).contains("tasks[0].containers[0].exitCode"), calls.get(2));

        List<String> revoke = List.of(runWithFakeAws(outputCommand(dev, "RevokeAdminCommand"), "EMAIL=x@example.com")
                .get(0)
                .split("\n"));
        assertTrue(after(revoke, "--overrides").contains("[\"revoke-admin\",\"x@example.com\"]"), revoke.toString());
    }

    @Test
    void withoutEmailTheCommandStopsBeforeRunningAnything() throws Exception {
        Path script = work.resolve("no-email.sh");
        Files.writeString(script, fakeAws() + outputCommand(Synth.of("dev"), "GrantAdminCommand") + "\n");
        Process bash = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertTrue(bash.exitValue() != 0, output);
        assertTrue(output.contains("set EMAIL first"), output);
        assertFalse(Files.exists(work.resolve("call-run-task")), "aws ran without EMAIL");
    }

    /** The output's value with each deploy-time reference replaced by a fake id (cluster-0, subnet-1, ...). */
    @SuppressWarnings("unchecked")
    private static String outputCommand(Synth synth, String name) {
        Map<String, Object> output = (Map<String, Object>)
                synth.shop.findOutputs(name, Match.anyValue()).get(name);
        Object value = output.get("Value");
        List<Object> parts = value instanceof Map<?, ?> join
                ? (List<Object>) ((List<Object>) join.get("Fn::Join")).get(1)
                : List.of(value);
        StringBuilder command = new StringBuilder();
        for (Object part : parts) {
            command.append(part instanceof String text ? text : fake(String.valueOf(part)));
        }
        return command.toString();
    }

    private static String fake(String reference) {
        if (reference.contains("appSubnet1")) {
            return "subnet-1";
        }
        if (reference.contains("appSubnet2")) {
            return "subnet-2";
        }
        if (reference.contains("AccountServiceSecurityGroup")) {
            return "sg-3";
        }
        if (reference.startsWith("{Ref=Cluster")) {
            return "cluster-0";
        }
        throw new AssertionError("unexpected reference " + reference);
    }

    /**
     * A bash {@code aws} that records each call's arguments, one per line, in a file named after its operation
     * ({@code run-task}, {@code wait}, {@code describe-tasks}; {@code run-task} runs in a subshell, so no counter).
     */
    private String fakeAws() {
        return "aws() { printf '%s\\n' \"$@\" > '" + work + "'/call-$2; echo arn:aws:ecs:task/fake; }\n";
    }

    private List<String> runWithFakeAws(String command, String assignment) throws Exception {
        Path script = work.resolve("run.sh");
        Files.writeString(script, "set -e\n" + fakeAws() + assignment + "\n" + command + "\n");
        Process bash = new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, bash.exitValue(), output);
        List<String> calls = new ArrayList<>();
        for (String operation : List.of("run-task", "wait", "describe-tasks")) {
            Path call = work.resolve("call-" + operation);
            assertTrue(Files.exists(call), "no aws ecs " + operation + ": " + output);
            calls.add(Files.readString(call));
            Files.delete(call);
        }
        return calls;
    }

    private static String after(List<String> args, String option) {
        int at = args.indexOf(option);
        assertTrue(at >= 0 && at + 1 < args.size(), option + " missing in " + args);
        return args.get(at + 1);
    }
}
