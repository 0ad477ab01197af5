package dev.storefront.account;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.PackagedApp;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The commands as an operator runs them: the packaged app (the jar, or the native executable after {@code -Pnative})
 * started with arguments (what {@code ./shop grant-admin} and the ECS task's command override do), next to the
 * instance under test, over the same database.
 */
@QuarkusIntegrationTest
class AdminCommandIT extends AdminCommandTest {

    @Override
    Outcome command(String... args) throws Exception {
        List<String> properties = new ArrayList<>(List.of(
                // the command's own HTTP servers must not collide with the instance under test
                "-Dquarkus.http.port=0",
                "-Dquarkus.management.port=0",
                "-Dquarkus.log.console.json.enabled=false",
                "-Daccount.jwt.key-dir=" + System.getProperty(AccountTestResource.KEY_DIR)));
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith(AccountTestResource.DATASOURCE))
                .forEach(k -> properties.add(
                        "-D" + k.substring(AccountTestResource.DATASOURCE.length()) + "=" + System.getProperty(k)));
        List<String> command = PackagedApp.of(Path.of(""))
                .command(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        List.of(),
                        properties,
                        List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "the command did not exit: " + output);
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void theOutcomeIsLogged() throws Exception {
        String email = Api.uniqueEmail();
        Outcome unknown = command("grant-admin", email);
        assertTrue(unknown.output().contains("No account has the email " + email), unknown.output());
        Outcome usage = command("make-admin", email);
        assertTrue(usage.output().contains("Usage: grant-admin <email> | revoke-admin <email>"), usage.output());

        Api.signUp(email);
        Outcome granted = command("grant-admin", email);
        assertTrue(granted.output().contains("granted the admin role by an operator"), granted.output());
    }
}
