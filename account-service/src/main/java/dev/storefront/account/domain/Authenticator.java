package dev.storefront.account.domain;

import dev.storefront.account.security.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Signs a customer in: counts the attempt and refuses it while the account or client is locked, checks the password
 * (with the same Argon2 work for an unknown email), and issues an access token.
 */
@ApplicationScoped
public class Authenticator {
    private static final Logger LOG = Logger.getLogger(Authenticator.class);

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TokenIssuer tokens;

    public Authenticator(PasswordHasher hasher, LoginThrottle throttle, TokenIssuer tokens) {
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    public record AccessToken(String token, Duration lifetime) {}

    public AccessToken signIn(String email, String password, String clientAddress) {
        String normalised = Emails.normalise(email);
        String accountKey = LoginThrottle.accountKey(normalised);
        String clientKey = LoginThrottle.clientKey(clientAddress);
        // Counted (and committed) before the hash, so parallel guesses are counted before any of them is checked.
        throttle.attempt(accountKey, clientKey);
        Optional<Account> account = Account.findByEmail(normalised);
        if (!hasher.verify(password, account.map(a -> a.passwordHash).orElse(null))) {
            throttle.failed(accountKey, clientKey);
            LOG.infof("Failed sign-in from %s", clientAddress);
            throw new AccountException(AccountException.Reason.INVALID_CREDENTIALS);
        }
        Account signedIn = account.get();
        throttle.succeeded(accountKey, clientKey);
        return new AccessToken(tokens.issue(signedIn.id, signedIn.email, signedIn.roles()), tokens.lifetime());
    }
}
