package dev.storefront.account;

import static dev.storefront.account.Api.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(AccountTestResource.class)
class SignUpTest {

    @Test
    void signUpStoresANormalisedAccountAndNeverReturnsThePassword() {
        String email = Api.uniqueEmail();
        String body = json().body(
                        Map.of("email", "  " + email.toUpperCase() + " ", "password", Api.PASSWORD, "name", "Ann"))
                .post("/api/accounts")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/accounts/me"))
                .body("email", equalTo(email))
                .body("name", equalTo("Ann"))
                .body("roles", hasItem("customer"))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")))
                .extract()
                .asString();
        assertEquals(false, body.contains("argon2"), body);
        assertEquals(false, body.contains(Api.PASSWORD), body);
        assertEquals(1, Api.count("SELECT count(*) FROM account.account WHERE email = ?", email));
        assertEquals(
                1,
                Api.count(
                        "SELECT count(*) FROM account.account WHERE email = ? AND password_hash LIKE '$argon2id$v=19$m=19456,t=2,p=1$%'",
                        email));
    }

    @Test
    void oneClientAddressMayMakeOnlyItsLimitOfSignUps() {
        String client = Api.uniqueClient();
        String taken = Api.uniqueEmail();
        Api.signUp(taken);
        // a sign-up that ends in a conflict still cost a hash, so it counts too
        signUpFrom(client, taken).then().statusCode(409);
        for (int i = 1; i < AccountTestResource.MAX_SIGN_UPS_PER_CLIENT; i++) {
            signUpFrom(client, Api.uniqueEmail()).then().statusCode(201);
        }
        String refused = Api.uniqueEmail();
        int retryAfter = Integer.parseInt(signUpFrom(client, refused)
                .then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("too-many-sign-ups")))
                .body("status", equalTo(429))
                .extract()
                .header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertEquals(0, Api.count("SELECT count(*) FROM account.account WHERE email = ?", refused));
        // another address is not affected, and invalid requests from a limited one are still just invalid
        signUpFrom(Api.uniqueClient(), refused).then().statusCode(201);
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body(Map.of("email", "not-an-email", "password", Api.PASSWORD, "name", "Ann"))
                .post("/api/accounts")
                .then()
                .statusCode(400);
    }

    @Test
    void parallelSignUpsFromOneAddressGetNoMoreThanTheLimit() throws Exception {
        String client = Api.uniqueClient();
        int attempts = AccountTestResource.MAX_SIGN_UPS_PER_CLIENT * 3;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                statuses.add(
                        pool.submit(() -> signUpFrom(client, Api.uniqueEmail()).statusCode()));
            }
            Map<Integer, Integer> counts = new TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }
            assertEquals(
                    Map.of(
                            201,
                            AccountTestResource.MAX_SIGN_UPS_PER_CLIENT,
                            429,
                            attempts - AccountTestResource.MAX_SIGN_UPS_PER_CLIENT),
                    counts);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A sign-up sent by {@code client} through the local edge (its address in {@code X-Forwarded-For}). */
    private static io.restassured.response.Response signUpFrom(String client, String email) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", Api.PASSWORD, "name", "Ann"))
                .post("/api/accounts");
    }

    @Test
    void duplicateEmailEvenInOtherCaseOrWhitespaceIsAConflict() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        long before = Api.accounts();
        for (String variant : new String[] {email, email.toUpperCase(), " " + email + "\t"}) {
            json().body(Map.of("email", variant, "password", Api.PASSWORD, "name", "Again"))
                    .post("/api/accounts")
                    .then()
                    .statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("email-taken")))
                    .body("status", equalTo(409));
        }
        assertEquals(before, Api.accounts());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"email\":\"not-an-email\",\"password\":\"correct horse battery staple\",\"name\":\"A\"}",
                "{\"email\":\"a@b\",\"password\":\"correct horse battery staple\",\"name\":\"A\"}",
                "{\"email\":\"x@example.test\",\"password\":\"short1!\",\"name\":\"A\"}",
                "{\"email\":\"x@example.test\",\"password\":\"%s\",\"name\":\"A\"}",
                "{\"email\":\"x@example.test\",\"password\":\"Password1\",\"name\":\"A\"}",
                "{\"email\":\"x@example.test\",\"password\":\"iloveyou\",\"name\":\"A\"}",
                "{\"email\":\"x@example.test\",\"password\":\"correct horse battery staple\",\"name\":\" \"}",
                "{\"email\":\"x@example.test\",\"password\":\"correct horse battery staple\",\"name\":\"A\\u0000\"}",
                "{\"email\":\"x@example.test\",\"password\":\"correct horse battery staple\",\"name\":\"A\\ud800\"}",
                "{\"email\":\"x@example.test\",\"password\":\"correct horse battery staple\"}",
                "{\"email\":\"x@example.test\",\"password\":\"correct horse battery staple\",\"name\":\"A\",\"admin\":true}",
                "{\"email\":\"x@example.test\",\"password\":",
                "[]",
                ""
            })
    void invalidSignUpIsAProblemAndStoresNothing(String template) {
        String body = template.replace("%s", "a".repeat(129));
        long before = Api.accounts();
        json().body(body)
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", not(containsString(Api.PASSWORD)));
        assertEquals(before, Api.accounts());
    }

    @Test
    void commonPasswordNamesTheField() {
        json().body(Map.of("email", Api.uniqueEmail(), "password", "Password123", "name", "A"))
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body("type", equalTo(Api.problem("validation-failed")))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void longestAllowedPasswordIsAcceptedWhole() {
        String email = Api.uniqueEmail();
        String password = "x".repeat(127) + "y";
        json().body(Map.of("email", email, "password", password, "name", "A"))
                .post("/api/accounts")
                .then()
                .statusCode(201);
        // No silent truncation: the first 127 characters alone are not the password.
        json().body(Map.of("email", email, "password", "x".repeat(127) + "z"))
                .post("/api/accounts/login")
                .then()
                .statusCode(401);
        json().body(Map.of("email", email, "password", password))
                .post("/api/accounts/login")
                .then()
                .statusCode(200);
    }

    @Test
    void oversizedBodyIsRefusedAsProblem() {
        long before = Api.accounts();
        String name = "n".repeat(70 * 1024);
        json().body(Map.of("email", Api.uniqueEmail(), "password", Api.PASSWORD, "name", name))
                .post("/api/accounts")
                .then()
                .statusCode(413)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("body-too-large")))
                .body("status", equalTo(413));
        assertEquals(before, Api.accounts());
    }
}
