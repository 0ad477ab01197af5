package dev.storefront.account.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Creating accounts and changing their profile. */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final PasswordHasher hasher;
    private final LoginThrottle throttle;

    public AccountService(PasswordHasher hasher, LoginThrottle throttle) {
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * Counts the sign-up against the client address first (committed, so parallel sign-ups cannot all pass), then
     * hashes outside any transaction so a slow hash never holds a database connection.
     *
     * @throws AccountException {@code TOO_MANY_SIGN_UPS} before any hashing when the address has made its limit
     */
    public Account signUp(String email, String password, String name, String clientAddress) {
        throttle.signUp(clientAddress);
        String normalised = Emails.normalise(email);
        String hash = hasher.hash(password);
        Account account = QuarkusTransaction.requiringNew().call(() -> create(normalised, hash, name));
        LOG.infof("Account %s signed up", account.id);
        return account;
    }

    private static Account create(String email, String hash, String name) {
        if (Account.findByEmail(email).isPresent()) {
            throw new AccountException(AccountException.Reason.EMAIL_TAKEN);
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email;
        account.name = name.strip();
        account.passwordHash = hash;
        account.createdAt = Instant.now();
        account.updatedAt = account.createdAt;
        try {
            account.persistAndFlush();
        } catch (PersistenceException e) {
            // Lost a race with a concurrent sign-up for the same email: the unique constraint decides.
            throw new AccountException(AccountException.Reason.EMAIL_TAKEN);
        }
        return account;
    }

    @Transactional
    public Account get(UUID id) {
        return Account.<Account>findByIdOptional(id)
                .orElseThrow(() -> new AccountException(AccountException.Reason.ACCOUNT_NOT_FOUND));
    }

    @Transactional
    public Account rename(UUID id, String name) {
        Account account = get(id);
        account.name = name.strip();
        account.updatedAt = Instant.now();
        return account;
    }

    /** Stores a new password hash (made by the caller, outside any transaction); joins the caller's transaction. */
    @Transactional
    public void setPasswordHash(UUID id, String hash) {
        Account account = get(id);
        account.passwordHash = hash;
        account.updatedAt = Instant.now();
    }

    /**
     * Grants ({@code admin} true) or revokes the admin role of the account with this email: an operator's action (the
     * {@code grant-admin} and {@code revoke-admin} commands), never a consequence of signing up or in. Tokens issued
     * from now on carry the account's roles; tokens already issued keep theirs until they expire.
     *
     * @return whether the role changed (false when the account already had, or already lacked, it)
     * @throws AccountException {@code ACCOUNT_NOT_FOUND} when no account has this email
     */
    @Transactional
    public boolean setAdmin(String email, boolean admin) {
        Account account = Account.findByEmail(Emails.normalise(email))
                .orElseThrow(() -> new AccountException(AccountException.Reason.ACCOUNT_NOT_FOUND));
        if (account.admin == admin) {
            return false;
        }
        account.admin = admin;
        account.updatedAt = Instant.now();
        LOG.infof("Account %s %s the admin role by an operator", account.id, admin ? "granted" : "revoked");
        return true;
    }
}
