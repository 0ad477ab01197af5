package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.FreePort;
import dev.storefront.local.infra.RepositoryRoot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./shop grant-admin EMAIL}: the only way to an admin in the local shop. An account signed up through the edge
 * becomes admin by the command, run while the shop is stopped, and its next token says so.
 */
class AccountCommandTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void grantAdminGivesAnExistingAccountTheAdminRole() throws Exception {
        Path data = Files.createTempDirectory("local-shop-admin-");
        String email = "owner-" + UUID.randomUUID() + "@example.test";
        try (LocalShop shop = accountsOnly(data)) {
            send(shop, "/api/accounts", Map.of("email", email, "password", PASSWORD, "name", "Shop Owner"), 201);
            assertEquals("[\"customer\"]", groups(signIn(shop, email)));
        }

        Path root = RepositoryRoot.find();
        int postgres = FreePort.pick();
        assertEquals(0, AccountCommand.run(root, data, postgres, List.of("grant-admin", email)));
        assertEquals(1, AccountCommand.run(root, data, postgres, List.of("grant-admin", "nobody@example.test")));

        try (LocalShop shop = accountsOnly(data)) {
            assertEquals("[\"customer\",\"admin\"]", groups(signIn(shop, email)));
        }
    }

    @Test
    void theCommandIsParsedFromTheCommandLine() {
        Path root = Path.of("/repo");
        ShopOptions options =
                ShopOptions.parse(new String[] {"--pg-port", "25432", "grant-admin", "a@b.example"}, root);
        assertEquals(List.of("grant-admin", "a@b.example"), options.accountCommand());
        assertEquals(25432, options.postgresPort());
        assertEquals(List.of(), ShopOptions.parse(new String[0], root).accountCommand());
        try {
            ShopOptions.parse(new String[] {"revoke-admin"}, root);
            throw new AssertionError("an email is required");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("revoke-admin needs a value"), expected.getMessage());
        }
    }

    private static LocalShop accountsOnly(Path data) {
        return LocalShop.start(
                new LocalShop.Layout(
                        RepositoryRoot.find(), data, FreePort.pick(), FreePort.pick(), FreePort.pick(), false),
                Map.of(ShopService.ACCOUNT, 1),
                true);
    }

    private static String signIn(LocalShop shop, String email) throws Exception {
        String body = send(shop, "/api/accounts/login", Map.of("email", email, "password", PASSWORD), 200);
        Matcher token = ACCESS_TOKEN.matcher(body);
        assertTrue(token.find(), body);
        return token.group(1);
    }

    /** The token's {@code groups} claim, as its JSON text. */
    private static String groups(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher groups = Pattern.compile("\"groups\"\\s*:\\s*(\\[[^]]*])").matcher(claims);
        assertTrue(groups.find(), claims);
        return groups.group(1).replace(" ", "");
    }

    private static String send(LocalShop shop, String path, Map<String, String> fields, int expected) throws Exception {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((k, v) -> json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":\"")
                .append(v)
                .append('"'));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + shop.edgePort() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.append('}').toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), response.body());
        return response.body();
    }
}
