package dev.storefront.account;

import static dev.storefront.account.SessionTest.assertEnded;
import static dev.storefront.account.SessionTest.refresh;
import static dev.storefront.account.SessionTest.refreshCookie;
import static dev.storefront.account.SessionTest.signIn;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Changing the password: it needs the current one (a wrong one counts like a failed sign-in), takes a new one under the
 * rules of sign-up, ends every session of the account, and gives the caller a fresh one.
 */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class PasswordChangeTest {
    static final String NEW_PASSWORD = "a brand new passphrase";

    static Response change(String accessToken, String client, Object current, Object replacement) {
        Map<String, Object> body = new HashMap<>();
        body.put("currentPassword", current);
        body.put("newPassword", replacement);
        return Api.as(accessToken).header("X-Forwarded-For", client).body(body).put("/api/accounts/me/password");
    }

    @Test
    void aChangeEndsEverySessionAndStartsAFreshOne() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        Response here = signIn(email, Api.PASSWORD);
        String elsewhere = refreshCookie(signIn(email, Api.PASSWORD));
        String hereCookie = refreshCookie(here);

        Response changed = change(here.path("accessToken"), Api.uniqueClient(), Api.PASSWORD, NEW_PASSWORD);
        changed.then().statusCode(200).body("tokenType", equalTo("Bearer"));
        String fresh = refreshCookie(changed);

        assertEnded(refresh(elsewhere));
        assertEnded(refresh(hereCookie));
        refresh(fresh).then().statusCode(200);
        Api.as(changed.path("accessToken")).get("/api/accounts/me").then().statusCode(200);
        assertEquals(2, SessionTest.families(email, "f.revoked_reason = 'password-changed'"));
        signIn(email, Api.PASSWORD).then().statusCode(401);
        signIn(email, NEW_PASSWORD).then().statusCode(200);
    }

    @Test
    void badInputIsA400ThatChangesNothing() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        Response session = signIn(email, Api.PASSWORD);
        String token = session.path("accessToken");
        String client = Api.uniqueClient();
        Object[][] bad = {
            {Api.PASSWORD, "short"},
            {Api.PASSWORD, "password123"}, // one of the most common passwords, refused at sign-up too
            {Api.PASSWORD, "x".repeat(129)},
            {Api.PASSWORD, null},
            {null, NEW_PASSWORD},
        };
        for (Object[] pair : bad) {
            change(token, client, pair[0], pair[1])
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("validation-failed")));
        }
        Api.as(token)
                .header("X-Forwarded-For", client)
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD, "email", "x@example.test"))
                .put("/api/accounts/me/password")
                .then()
                .statusCode(400)
                .body("type", equalTo(Api.problem("malformed-request")));
        assertEquals(
                0, Api.count("SELECT count(*) FROM account.login_throttle WHERE throttle_key = ?", "client:" + client));
        refresh(refreshCookie(session)).then().statusCode(200);
        signIn(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void withoutAnAccessTokenItIs401() {
        Api.json()
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD))
                .put("/api/accounts/me/password")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo(Api.problem("unauthenticated")));
    }

    @Test
    void aWrongCurrentPasswordCountsLikeAFailedSignIn() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        Response session = signIn(email, Api.PASSWORD);
        String token = session.path("accessToken");
        for (int i = 0; i < LoginTest.MAX_ACCOUNT_FAILURES; i++) {
            change(token, Api.uniqueClient(), "wrong-" + i, NEW_PASSWORD)
                    .then()
                    .statusCode(403)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo(Api.problem("wrong-password")));
        }
        // Locked, here and at sign-in, even for the right password; nothing changed.
        LoginTest.assertLocked(change(token, Api.uniqueClient(), Api.PASSWORD, NEW_PASSWORD));
        LoginTest.assertLocked(signIn(email, Api.PASSWORD));
        Api.execute("DELETE FROM account.login_throttle WHERE throttle_key = ?", "account:" + email);
        signIn(email, Api.PASSWORD).then().statusCode(200);
        refresh(refreshCookie(session)).then().statusCode(200);
    }

    @Test
    void failedSignInsLockThePasswordChangeToo() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String token = signIn(email, Api.PASSWORD).path("accessToken");
        for (int i = 0; i < LoginTest.MAX_ACCOUNT_FAILURES; i++) {
            signIn(email, "wrong-" + i).then().statusCode(401);
        }
        LoginTest.assertLocked(change(token, Api.uniqueClient(), Api.PASSWORD, NEW_PASSWORD));
    }
}
