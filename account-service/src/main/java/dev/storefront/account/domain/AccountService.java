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

    public AccountService(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** Hashes outside the transaction so a slow hash never holds a database connection. */
    public Account signUp(String email, String password, String name) {
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

    @Transactional
    public void grantAdmin(UUID id) {
        Account account = get(id);
        if (!account.admin) {
            account.admin = true;
            LOG.infof("Account %s granted the admin role (listed in ACCOUNT_ADMIN_EMAILS)", id);
        }
    }
}
