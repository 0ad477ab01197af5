package dev.storefront.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.account.api.AdminCommand;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * The admin role is an operator's action ({@code grant-admin} / {@code revoke-admin}), never a consequence of signing
 * up with some address: the test resource still sets {@code ACCOUNT_ADMIN_EMAILS}, which used to grant it.
 */
@QuarkusTest
@WithTestResource(AccountTestResource.class)
class AdminCommandTest {

    /** What the command printed (in {@code *IT}: the packaged app's output) and its exit status. */
    record Outcome(int status, String output) {}

    /** Runs the command in this JVM; {@code AdminCommandIT} runs the packaged app with these arguments instead. */
    Outcome command(String... args) throws Exception {
        return new Outcome(Arc.container().instance(AdminCommand.class).get().run(args), "");
    }

    @Test
    void signingUpWithAFormerlyListedAddressGivesNoAdminRole() throws Exception {
        try {
            Api.signUp(AccountTestResource.FORMERLY_LISTED_EMAIL);
        } catch (AssertionError alreadyThere) {
            // another run of this class in the same database signed it up; signing in is what used to grant
        }
        assertEquals(List.of("customer"), groups(Api.login(AccountTestResource.FORMERLY_LISTED_EMAIL)));
    }

    @Test
    void grantAndRevokeChangeTheRolesOfTheNextToken() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        assertEquals(List.of("customer"), groups(Api.login(email)));

        assertEquals(AdminCommand.OK, command("grant-admin", email).status());
        assertEquals(List.of("customer", "admin"), groups(Api.login(email)));
        assertEquals(1, Api.count("SELECT count(*) FROM account.account WHERE email = ? AND admin", email));
        // the email as an operator might type it
        assertEquals(
                AdminCommand.OK,
                command("grant-admin", " " + email.toUpperCase() + " ").status());

        assertEquals(AdminCommand.OK, command("revoke-admin", email).status());
        assertEquals(List.of("customer"), groups(Api.login(email)));
        assertEquals(AdminCommand.OK, command("revoke-admin", email).status());
    }

    @Test
    void anUnknownEmailIsAnErrorAndChangesNothing() throws Exception {
        String email = Api.uniqueEmail();
        Outcome outcome = command("grant-admin", email);
        assertEquals(AdminCommand.NO_SUCH_ACCOUNT, outcome.status(), outcome.output());
        assertEquals(0, Api.count("SELECT count(*) FROM account.account WHERE email = ?", email));
    }

    @Test
    void anythingButTheTwoCommandsIsAUsageError() throws Exception {
        String email = Api.uniqueEmail();
        Api.signUp(email);
        for (List<String> args : List.of(
                List.of("grant-admin"),
                List.of("make-admin", email),
                List.of("grant-admin", email, "extra"),
                List.of("grant-admin", " "))) {
            assertEquals(
                    AdminCommand.USAGE, command(args.toArray(String[]::new)).status(), args.toString());
        }
        assertEquals(List.of("customer"), groups(Api.login(email)));
    }

    static List<String> groups(String token) throws Exception {
        JwtClaims claims = JwtClaims.parse(
                new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
        return claims.getStringListClaimValue("groups");
    }
}
