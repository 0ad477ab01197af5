package dev.storefront.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Sign-in: one answer for every wrong pair, and repeated failures lock out, with the count kept in PostgreSQL. */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class LoginTest {
    static final int MAX_ACCOUNT_FAILURES = 5;
    static final int MAX_CLIENT_FAILURES = 20;

    static Response attempt(String email, String password, String client) {
        return Api.json()
                .header("X-Forwarded-For", client)
                .body(Map.of("email", email, "password", password))
                .post("/api/accounts/login");
    }

    @Test
    void correctPasswordGivesAToken() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        attempt("  " + email.toUpperCase(), Api.PASSWORD, Api.uniqueClient())
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("expiresIn", equalTo(900))
                .body("tokenType", equalTo("Bearer"));
    }

    @Test
    void aNulCharacterIsABadRequestThatCountsNothing() {
        String client = Api.uniqueClient();
        attempt("a\u0000@x.io", "wrong", client)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("malformed-request")))
                .body(
                        "detail",
                        equalTo(
                                "Field 'email' contains a character that is not allowed (NUL or an unpaired surrogate)"));
        assertEquals(
                0, Api.count("SELECT count(*) FROM account.login_throttle WHERE throttle_key = ?", "client:" + client));
    }

    /** Found by AccountFuzzTest: {"password": 42} was read as the text "42", so it was checked and counted. */
    @Test
    void aPasswordOrEmailOfTheWrongTypeIsABadRequestThatCountsNothing() {
        String client = Api.uniqueClient();
        for (String body : new String[] {
            "{\"email\":\"a@example.test\",\"password\":42}",
            "{\"email\":\"a@example.test\",\"password\":true}",
            "{\"email\":1.5,\"password\":\"wrong\"}"
        }) {
            io.restassured.RestAssured.given()
                    .contentType("application/json")
                    .header("X-Forwarded-For", client)
                    .body(body)
                    .post("/api/accounts/login")
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("malformed-request")));
        }
        assertEquals(
                0, Api.count("SELECT count(*) FROM account.login_throttle WHERE throttle_key = ?", "client:" + client));
    }

    @Test
    void parallelGuessesGetNoMoreTriesThanTheLimit() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        int guesses = 4 * MAX_ACCOUNT_FAILURES;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                String password = "wrong-" + i;
                String client = Api.uniqueClient();
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt(email, password, client).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            // Only an attempt admitted by the count reaches the password check (401); every other one is a 429.
            long checked = statuses.stream().filter(s -> s == 401).count();
            assertTrue(checked <= MAX_ACCOUNT_FAILURES, statuses.toString());
            assertEquals(
                    guesses - checked, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertLocked(attempt(email, Api.PASSWORD, Api.uniqueClient()));
    }

    @Test
    void wrongPasswordAndUnknownEmailLookTheSame() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        Response wrongPassword = attempt(email, "not the password", Api.uniqueClient());
        Response unknownEmail = attempt(Api.uniqueEmail(), "not the password", Api.uniqueClient());
        for (Response r : new Response[] {wrongPassword, unknownEmail}) {
            r.then()
                    .statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("invalid-credentials")));
        }
        assertEquals(wrongPassword.path("detail"), unknownEmail.<String>path("detail"));
        assertEquals(wrongPassword.path("title"), unknownEmail.<String>path("title"));
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        for (int i = 0; i < MAX_ACCOUNT_FAILURES; i++) {
            attempt(email, "wrong-" + i, Api.uniqueClient()).then().statusCode(401);
        }
        assertLocked(attempt(email, Api.PASSWORD, Api.uniqueClient()));
        // The count is a row in PostgreSQL, not memory of this instance.
        assertEquals(
                1,
                Api.count(
                        "SELECT count(*) FROM account.login_throttle WHERE throttle_key = ? AND locked_until > now()",
                        "account:" + email));
    }

    @Test
    void unknownEmailsLockTheSameWay() {
        String email = Api.uniqueEmail();
        for (int i = 0; i < MAX_ACCOUNT_FAILURES; i++) {
            attempt(email, "wrong-" + i, Api.uniqueClient()).then().statusCode(401);
        }
        assertLocked(attempt(email, "wrong", Api.uniqueClient()));
    }

    @Test
    void oneClientTryingManyAccountsIsLocked() {
        String client = Api.uniqueClient();
        for (int i = 0; i < MAX_CLIENT_FAILURES; i++) {
            attempt(Api.uniqueEmail(), "wrong", "203.0.113.9, " + client).then().statusCode(401);
        }
        String email = Api.uniqueEmail();
        Api.signUp(email);
        assertLocked(attempt(email, Api.PASSWORD, client));
        // A spoofed left-most X-Forwarded-For entry does not escape: the edge's entry is the right-most.
        assertLocked(attempt(email, Api.PASSWORD, "10.9.8.7, " + client));
        attempt(email, Api.PASSWORD, Api.uniqueClient()).then().statusCode(200);
    }

    @Test
    void signInsThatSucceedNeverLockTheirAddress() {
        // Shoppers behind one address (an office, a carrier's NAT): each attempt is counted, then taken back.
        String client = Api.uniqueClient();
        String email = Api.uniqueEmail();
        Api.signUp(email);
        for (int i = 0; i <= MAX_CLIENT_FAILURES; i++) {
            attempt(email, Api.PASSWORD, client).then().statusCode(200);
        }
    }

    @Test
    void successClearsTheAccountsCount() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < MAX_ACCOUNT_FAILURES - 1; i++) {
                attempt(email, "wrong", Api.uniqueClient()).then().statusCode(401);
            }
            attempt(email, Api.PASSWORD, Api.uniqueClient()).then().statusCode(200);
        }
    }

    static void assertLocked(Response response) {
        response.then()
                .statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("too-many-attempts")));
        int retryAfter = Integer.parseInt(response.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
    }
}
