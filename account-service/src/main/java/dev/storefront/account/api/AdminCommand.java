package dev.storefront.account.api;

import dev.storefront.account.domain.AccountException;
import dev.storefront.account.domain.AccountService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Granting and revoking the admin role: an explicit operator action, run as the packaged app with arguments (locally
 * {@code ./shop grant-admin <email>}; in AWS an {@code aws ecs run-task} of account-service's task definition with a
 * command override, see docs/deploy.md). Each outcome is one log line, so the action is on record where the service's
 * logs go.
 */
@ApplicationScoped
public class AdminCommand {
    /** Exit status: done (or nothing to do). */
    public static final int OK = 0;
    /** Exit status: no account has the email. */
    public static final int NO_SUCH_ACCOUNT = 1;
    /** Exit status: not a command this app knows. */
    public static final int USAGE = 2;

    static final String GRANT = "grant-admin";
    static final String REVOKE = "revoke-admin";
    private static final Logger LOG = Logger.getLogger(AdminCommand.class);

    private final AccountService accounts;

    public AdminCommand(AccountService accounts) {
        this.accounts = accounts;
    }

    /** Runs {@code grant-admin <email>} or {@code revoke-admin <email>} and returns the exit status. */
    public int run(String... args) {
        if (args.length != 2 || !(GRANT.equals(args[0]) || REVOKE.equals(args[0])) || args[1].isBlank()) {
            LOG.errorf(
                    "Unknown command %s. Usage: %s <email> | %s <email> (no arguments: run the service)",
                    String.join(" ", args), GRANT, REVOKE);
            return USAGE;
        }
        boolean grant = GRANT.equals(args[0]);
        String email = args[1];
        try {
            if (!accounts.setAdmin(email, grant)) {
                LOG.infof(
                        "The account of %s %s the admin role already; nothing changed", email, grant ? "has" : "lacks");
            }
            return OK;
        } catch (AccountException e) {
            if (e.reason() != AccountException.Reason.ACCOUNT_NOT_FOUND) {
                throw e;
            }
            LOG.errorf("No account has the email %s: sign it up first, then run %s again", email, args[0]);
            return NO_SUCH_ACCOUNT;
        }
    }
}
