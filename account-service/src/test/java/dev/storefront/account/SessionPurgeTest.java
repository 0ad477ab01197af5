package dev.storefront.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.account.domain.Sessions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Ended sessions (expired, idle, revoked) are deleted with their tokens by the scheduled purge; live ones stay. */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class SessionPurgeTest {
    @Inject
    Sessions sessions;

    @Test
    void endedSessionsArePurgedWithTheirTokens() {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        String live = SessionTest.refreshCookie(SessionTest.signIn(email, Api.PASSWORD));
        String where = " WHERE account_id = (SELECT id FROM account.account WHERE email = ?)"
                + " AND id NOT IN (SELECT family_id FROM account.refresh_token WHERE token_hash = ?)";
        for (String ended : new String[] {
            "expires_at = now() - interval '1 second'",
            "idle_expires_at = now() - interval '1 second'",
            "revoked_at = now(), revoked_reason = 'signed-out'"
        }) {
            SessionTest.signIn(email, Api.PASSWORD).then().statusCode(200);
            Api.execute(
                    "UPDATE account.session_family SET " + ended + where + " AND revoked_at IS NULL"
                            + " AND expires_at > now() AND idle_expires_at > now()",
                    email,
                    sha256(live));
        }
        // The scheduled purge (every 10 minutes on this instance) may get there first: what counts is what is left.
        sessions.purge();
        assertEquals(1, SessionTest.families(email, "true"));
        assertEquals(
                1,
                Api.count(
                        "SELECT count(*) FROM account.refresh_token t JOIN account.session_family f"
                                + " ON f.id = t.family_id JOIN account.account a ON a.id = f.account_id"
                                + " WHERE a.email = ?",
                        email));
        SessionTest.refresh(live).then().statusCode(200);
    }

    private static byte[] sha256(String token) {
        try {
            return SessionTest.sha256(token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
