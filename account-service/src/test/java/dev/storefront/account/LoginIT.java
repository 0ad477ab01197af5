package dev.storefront.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.PackagedApp;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sign-in rules against the packaged app, plus the reason the counts live in PostgreSQL: a second instance, a
 * separate process on another port over the same database, sees the failures made on the first.
 */
@QuarkusIntegrationTest
class LoginIT extends LoginTest {

    @Test
    void lockoutHoldsAcrossTwoInstances() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        int first = RestAssured.port;
        try (SecondInstance second = SecondInstance.start()) {
            for (int i = 0; i < MAX_ACCOUNT_FAILURES; i++) {
                RestAssured.port = i % 2 == 0 ? first : second.port;
                attempt(email, "wrong-" + i, Api.uniqueClient()).then().statusCode(401);
            }
            RestAssured.port = second.port;
            assertLocked(attempt(email, Api.PASSWORD, Api.uniqueClient()));
            RestAssured.port = first;
            assertLocked(attempt(email, Api.PASSWORD, Api.uniqueClient()));
        } finally {
            RestAssured.port = first;
        }
    }

    /**
     * The packaged app (jar or native executable) started again as its own process, configured like the instance under
     * test.
     */
    private record SecondInstance(Process process, int port) implements AutoCloseable {
        static SecondInstance start() throws IOException, InterruptedException {
            int port = freePort();
            int managementPort = freePort();
            List<String> properties = new ArrayList<>(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Daccount.jwt.key-dir=" + System.getProperty(AccountTestResource.KEY_DIR)));
            System.getProperties().stringPropertyNames().stream()
                    .filter(k -> k.startsWith(AccountTestResource.DATASOURCE))
                    .forEach(k -> properties.add(
                            "-D" + k.substring(AccountTestResource.DATASOURCE.length()) + "=" + System.getProperty(k)));
            List<String> command = PackagedApp.of(Path.of(""))
                    .command(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            List.of(),
                            properties,
                            List.of());
            Path log = Files.createTempFile("account-second-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            SecondInstance instance = new SecondInstance(process, port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                assertTrue(process.isAlive(), () -> "second instance died: " + read(log));
                try {
                    if (given().port(managementPort).get("/q/health/ready").statusCode() == 200) {
                        return instance;
                    }
                } catch (Exception notYet) {
                    // still starting
                }
                Thread.sleep(250);
            }
            instance.close();
            throw new IllegalStateException("second instance did not become ready: " + read(log));
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            }
        }

        private static String read(Path log) {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
