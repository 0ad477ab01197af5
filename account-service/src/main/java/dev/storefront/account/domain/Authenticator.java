package dev.storefront.account.domain;

import dev.storefront.account.security.TokenIssuer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Signs a customer in: counts the attempt and refuses it while the account or client is locked, checks the password
 * (with the same Argon2 work for an unknown email), and starts a session (an access token and a refresh token). Also
 * refreshes a session, and changes a password, which checks the current one under the same count.
 */
@ApplicationScoped
public class Authenticator {
    private static final Logger LOG = Logger.getLogger(Authenticator.class);

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;
    private final AccountService accounts;
    private final Sessions sessions;

    public Authenticator(
            PasswordHasher hasher,
            LoginThrottle throttle,
            TokenIssuer tokens,
            AccountService accounts,
            Sessions sessions) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** A signed-in session: a short-lived access token and the refresh token that renews it. */
    public record Session(String accessToken, Duration lifetime, Sessions.RefreshToken refreshToken) {}

    public Session signIn(String email, String password, String clientAddress) {
        String normalised = Emails.normalise(email);
        Optional<Account> account = checkPassword(normalised, password, clientAddress, Account.findByEmail(normalised));
        if (account.isEmpty()) {
            LOG.infof("Failed sign-in from %s", clientAddress);
            throw new AccountException(AccountException.Reason.INVALID_CREDENTIALS);
        }
        Account signedIn = account.get();
        return session(signedIn, sessions.start(signedIn.id));
    }

    /** Exchanges a refresh token for a new access token and the token's successor. */
    public Session refresh(String refreshToken) {
        Sessions.Rotation rotation = sessions.rotate(refreshToken);
        return session(accounts.get(rotation.accountId()), rotation.refreshToken());
    }

    /**
     * Changes the password of the signed-in account. The current password is checked under the sign-in count (a
     * wrong one is a failed sign-in, and a locked account or client is refused before it is checked), so a stolen
     * access token cannot guess passwords here faster than at sign-in. Every session of the account is revoked and
     * the caller gets a new one.
     */
    public Session changePassword(UUID accountId, String current, String replacement, String clientAddress) {
        Account account = accounts.get(accountId);
        if (checkPassword(account.email, current, clientAddress, Optional.of(account))
                .isEmpty()) {
            LOG.infof("Wrong current password for a password change of account %s from %s", accountId, clientAddress);
            throw new AccountException(AccountException.Reason.WRONG_PASSWORD);
        }
        String hash = hasher.hash(replacement);
        Sessions.RefreshToken fresh = QuarkusTransaction.requiringNew().call(() -> {
            accounts.setPasswordHash(accountId, hash);
            int revoked = sessions.endAll(accountId);
            LOG.infof("Account %s changed its password; %d sessions revoked", accountId, revoked);
            return sessions.start(accountId);
        });
        return session(account, fresh);
    }

    /**
     * Counts the attempt against the email and the client, then checks the password; the account when it matches.
     * Counted (and committed) before the hash, so parallel guesses are counted before any of them is checked.
     */
    private Optional<Account> checkPassword(
            String normalisedEmail, String password, String clientAddress, Optional<Account> account) {
        String accountKey = LoginThrottle.accountKey(normalisedEmail);
        String clientKey = LoginThrottle.clientKey(clientAddress);
        throttle.attempt(accountKey, clientKey);
        if (!hasher.verify(password, account.map(a -> a.passwordHash).orElse(null))) {
            throttle.failed(accountKey, clientKey);
            return Optional.empty();
        }
        throttle.succeeded(accountKey, clientKey);
        return account;
    }

    private Session session(Account account, Sessions.RefreshToken refreshToken) {
        return new Session(tokens.issue(account.id, account.email, account.roles()), tokens.lifetime(), refreshToken);
    }
}
