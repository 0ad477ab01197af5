package dev.storefront.account;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Small helpers the tests share: unique emails, sign-up and sign-in over HTTP, and direct looks at the database. */
final class Api {
    static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private Api() {}

    /** The {@code type} URI of a problem, as listed in the README. */
    static String problem(String slug) {
        return "https://storefront.dev/problems/" + slug;
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.test";
    }

    /** A client address of its own, so failed sign-ins in one test never lock out another. */
    static String uniqueClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    static RequestSpecification json() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", uniqueClient());
    }

    static String signUp(String email) {
        return json().body(Map.of("email", email, "password", PASSWORD, "name", "Test User"))
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String login(String email) {
        return json().body(Map.of("email", email, "password", PASSWORD))
                .post("/api/accounts/login")
                .then()
                .statusCode(200)
                .extract()
                .path("accessToken");
    }

    /** Signs a new account up and returns a token for it. */
    static String newCustomer() {
        String email = uniqueEmail();
        signUp(email);
        return login(email);
    }

    static RequestSpecification as(String token) {
        return json().auth().oauth2(token);
    }

    static long count(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(System.getProperty(AccountTestResource.SUPERUSER_URL));
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int execute(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(System.getProperty(AccountTestResource.SUPERUSER_URL));
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long accounts() {
        return count("SELECT count(*) FROM account.account");
    }
}
