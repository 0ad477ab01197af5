package dev.storefront.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sessions: sign-in sets the refresh cookie, a refresh rotates it, a rotated token used again ends the whole session,
 * sign-out ends it, and both cookie endpoints refuse requests that do not come from the storefront's scripts.
 */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class SessionTest {
    static final String COOKIE = "storefront_refresh";

    /** Signs in; the answer carries the access token in the body and the refresh token in Set-Cookie. */
    static Response signIn(String email, String password) {
        return Api.json().body(Map.of("email", email, "password", password)).post("/api/accounts/login");
    }

    static String refreshCookie(Response response) {
        String value = response.getCookie(COOKIE);
        assertTrue(value != null && !value.isEmpty(), () -> "no refresh cookie: " + response.headers());
        return value;
    }

    /** A request as the storefront's script sends it to the session endpoints. */
    static RequestSpecification fromPage(String cookie) {
        return fromSite(cookie, "same-origin");
    }

    /** The same, as a browser says it on a request from a page of {@code fetchSite} (Sec-Fetch-Site). */
    static RequestSpecification fromSite(String cookie, String fetchSite) {
        RequestSpecification request =
                given().header("X-Requested-With", "storefront").header("Sec-Fetch-Site", fetchSite);
        return cookie == null ? request : request.cookie(COOKIE, cookie);
    }

    static Response refresh(String cookie) {
        return fromPage(cookie).post("/api/accounts/session/refresh");
    }

    static long families(String email, String condition) {
        return Api.count(
                "SELECT count(*) FROM account.session_family f JOIN account.account a ON a.id = f.account_id"
                        + " WHERE a.email = ? AND " + condition,
                email);
    }

    static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
    }

    static void assertEnded(Response response) {
        response.then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("session-ended")));
        assertTrue(response.header("Set-Cookie").contains("Max-Age=0"), response.header("Set-Cookie"));
    }

    @Test
    void signInSetsAnHttpOnlyStrictCookieStoredOnlyAsItsHash() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        Response response = signIn(email, Api.PASSWORD);
        response.then().statusCode(200).body("refreshToken", nullValue());
        String setCookie = response.header("Set-Cookie");
        for (String attribute :
                new String[] {"HttpOnly", "Secure", "SameSite=Strict", "Path=/api/accounts/session", "Max-Age="}) {
            assertTrue(setCookie.contains(attribute), setCookie);
        }
        long maxAge = Long.parseLong(setCookie.replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertTrue(Math.abs(maxAge - 7 * 24 * 3600) < 60, setCookie); // REFRESH_IDLE_LIFETIME's default
        String token = refreshCookie(response);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token); // 256 random bits, base64url
        assertEquals(1, families(email, "f.revoked_at IS NULL AND f.expires_at > now() + interval '29 days'"));
        assertEquals(1, Api.count("SELECT count(*) FROM account.refresh_token WHERE token_hash = ?", sha256(token)));
        assertEquals(
                0,
                Api.count(
                        "SELECT count(*) FROM account.refresh_token WHERE encode(token_hash, 'escape') LIKE ?",
                        "%" + token + "%"));
    }

    @Test
    void aRefreshRotatesTheTokenAndGivesAWorkingAccessToken() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String first = refreshCookie(signIn(email, Api.PASSWORD));
        Response refreshed = refresh(first);
        refreshed
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("expiresIn", equalTo(900))
                .body("tokenType", equalTo("Bearer"));
        String second = refreshCookie(refreshed);
        assertNotEquals(first, second);
        Api.as(refreshed.path("accessToken"))
                .get("/api/accounts/me")
                .then()
                .statusCode(200)
                .body("email", equalTo(email));
        assertEquals(
                1,
                Api.count(
                        "SELECT count(*) FROM account.refresh_token WHERE token_hash = ? AND used_at IS NOT NULL",
                        sha256(first)));
        // The successor belongs to the same session, and rotates in turn.
        assertEquals(1, families(email, "true"));
        refresh(second).then().statusCode(200).cookie(COOKIE, not(equalTo(second)));
    }

    @Test
    void ofParallelRefreshesWithOneTokenExactlyOneRotatesIt() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String token = refreshCookie(signIn(email, Api.PASSWORD));
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return refresh(token).statusCode();
                }));
            }
            start.countDown();
            int rotated = 0;
            for (Future<Integer> answer : answers) {
                rotated += answer.get(60, TimeUnit.SECONDS) == 200 ? 1 : 0;
            }
            // The others presented a token already used, which ends the session: two tabs must take turns.
            assertEquals(1, rotated);
            assertEquals(1, families(email, "f.revoked_reason = 'reused'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRotatedTokenUsedAgainEndsTheWholeSessionButNoOther() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String stolen = refreshCookie(signIn(email, Api.PASSWORD));
        String otherDevice = refreshCookie(signIn(email, Api.PASSWORD));
        String current = refreshCookie(refresh(stolen));

        assertEnded(refresh(stolen));
        assertEquals(1, families(email, "f.revoked_reason = 'reused'"));
        // The legitimate holder's newer token belongs to the revoked session too.
        assertEnded(refresh(current));
        refresh(otherDevice).then().statusCode(200);
    }

    @Test
    void signOutEndsTheSessionAndMayBeRepeated() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String cookie = refreshCookie(signIn(email, Api.PASSWORD));
        Response out = fromPage(cookie).delete("/api/accounts/session");
        out.then().statusCode(204);
        assertTrue(out.header("Set-Cookie").contains("Max-Age=0"), out.header("Set-Cookie"));
        assertEquals(1, families(email, "f.revoked_reason = 'signed-out'"));
        assertEnded(refresh(cookie));
        fromPage(cookie).delete("/api/accounts/session").then().statusCode(204);
        fromPage(null).delete("/api/accounts/session").then().statusCode(204);
        fromPage("not-a-token").delete("/api/accounts/session").then().statusCode(204);
    }

    @Test
    void cookieRequestsMustComeFromTheStorefrontsScripts() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String cookie = refreshCookie(signIn(email, Api.PASSWORD));
        for (Response refused : new Response[] {
            given().cookie(COOKIE, cookie).post("/api/accounts/session/refresh"),
            fromSite(cookie, "cross-site").post("/api/accounts/session/refresh"),
            fromSite(cookie, "same-site").post("/api/accounts/session/refresh"),
            given().cookie(COOKIE, cookie).delete("/api/accounts/session"),
            fromSite(cookie, "cross-site").delete("/api/accounts/session")
        }) {
            refused.then()
                    .statusCode(403)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("cross-site-request")));
        }
        // Nothing was used up or revoked.
        assertEquals(
                1,
                Api.count(
                        "SELECT count(*) FROM account.refresh_token WHERE token_hash = ? AND used_at IS NULL",
                        sha256(cookie)));
        assertEquals(0, families(email, "f.revoked_at IS NOT NULL"));
        refresh(cookie).then().statusCode(200);
    }

    @Test
    void missingUnknownAndMalformedTokensAreTheSame401() {
        for (String cookie : new String[] {null, "", "garbage", "A".repeat(43), "A".repeat(5000)}) {
            assertEnded(refresh(cookie));
        }
    }

    @Test
    void anIdleSessionEnds() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String cookie = refreshCookie(signIn(email, Api.PASSWORD));
        Api.execute(
                "UPDATE account.session_family SET idle_expires_at = now() - interval '1 second' WHERE account_id ="
                        + " (SELECT id FROM account.account WHERE email = ?)",
                email);
        assertEnded(refresh(cookie));
    }

    @Test
    void refreshingNeverOutlivesTheAbsoluteLifetime() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String cookie = refreshCookie(signIn(email, Api.PASSWORD));
        Api.execute(
                "UPDATE account.session_family SET expires_at = now() + interval '1 hour' WHERE account_id ="
                        + " (SELECT id FROM account.account WHERE email = ?)",
                email);
        Response refreshed = refresh(cookie);
        refreshed.then().statusCode(200);
        long maxAge = Long.parseLong(refreshed.header("Set-Cookie").replaceAll(".*Max-Age=(\\d+).*", "$1"));
        assertTrue(maxAge <= 3600, refreshed.header("Set-Cookie"));
        assertEquals(1, families(email, "f.idle_expires_at <= f.expires_at"));
        Api.execute(
                "UPDATE account.session_family SET expires_at = now() - interval '1 second' WHERE account_id ="
                        + " (SELECT id FROM account.account WHERE email = ?)",
                email);
        assertEnded(refresh(refreshCookie(refreshed)));
    }

    @Test
    void theSessionEndpointsAnswerProblemJsonForTheWrongMethod() {
        fromPage(null)
                .get("/api/accounts/session/refresh")
                .then()
                .statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .header("Set-Cookie", nullValue());
        fromPage(null).get("/api/accounts/session").then().statusCode(405).body("status", equalTo(405));
        fromPage(null).post("/api/accounts/session").then().statusCode(405).body("type", containsString("/problems/"));
    }
}
