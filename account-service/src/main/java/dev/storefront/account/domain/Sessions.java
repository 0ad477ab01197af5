package dev.storefront.account.domain;

import dev.storefront.account.config.AccountConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Sessions kept alive by rotating refresh tokens, in PostgreSQL so that every instance sees the same state. A token is
 * 256 random bits handed to the client once; only its SHA-256 is stored. A sign-in starts a family; each refresh marks
 * the presented token used and issues its successor in the same family. A used token presented again means two
 * parties hold the family (one of them stole it), so the whole family is revoked and the caller must sign in again.
 */
@ApplicationScoped
public class Sessions {
    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final EntityManager em;
    private final AccountConfig.Session config;
    private final SecureRandom random = new SecureRandom();

    public Sessions(EntityManager em, AccountConfig config) {
        this.em = em;
        this.config = config.session();
    }

    /** A refresh token as the client gets it, and when the session ends unless refreshed before. */
    public record RefreshToken(String token, Instant expiresAt) {}

    /** A rotated session: whose it is, and the successor of the presented token. */
    public record Rotation(UUID accountId, RefreshToken refreshToken) {}

    /** Starts a new family for the account; joins the caller's transaction. */
    @Transactional
    public RefreshToken start(UUID accountId) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.absoluteLifetime());
        Instant idleExpiresAt = earliest(now.plus(config.idleLifetime()), expiresAt);
        UUID family = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO session_family (id, account_id, created_at, expires_at, idle_expires_at)"
                        + " VALUES (:id, :account, :now, :expires, :idle)")
                .setParameter("id", family)
                .setParameter("account", accountId)
                .setParameter("now", Timestamp.from(now))
                .setParameter("expires", Timestamp.from(expiresAt))
                .setParameter("idle", Timestamp.from(idleExpiresAt))
                .executeUpdate();
        return new RefreshToken(issue(family, now), idleExpiresAt);
    }

    /**
     * Exchanges a refresh token for its successor.
     *
     * @throws AccountException {@code SESSION_ENDED} for an unknown, expired, revoked or used token; a used one has
     *     revoked its family by then (committed, whatever the caller does next)
     */
    public Rotation rotate(String token) {
        if (!wellFormed(token)) {
            throw new AccountException(AccountException.Reason.SESSION_ENDED);
        }
        byte[] hash = hash(token);
        Optional<Rotation> rotation = QuarkusTransaction.requiringNew().call(() -> rotateInTransaction(hash));
        return rotation.orElseThrow(() -> new AccountException(AccountException.Reason.SESSION_ENDED));
    }

    private Optional<Rotation> rotateInTransaction(byte[] hash) {
        // Locking the family serialises refreshes of one session, and locking the token too makes a refresh that waited
        // read the token as the one before it left it: of two racing uses of a token, one rotates it and the other sees
        // it used. (Locking only the family, the waiter rechecked the family's newest row but kept the token row of
        // its first read, still unused, and both rotated.)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT f.id, f.account_id, t.used_at IS NOT NULL,"
                        + " f.revoked_at IS NULL AND f.expires_at > now() AND f.idle_expires_at > now(), f.expires_at"
                        + " FROM refresh_token t JOIN session_family f ON f.id = t.family_id"
                        + " WHERE t.token_hash = :hash FOR UPDATE")
                .setParameter("hash", hash)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID family = (UUID) row[0];
        boolean used = (Boolean) row[2];
        boolean live = (Boolean) row[3];
        if (used) {
            if (live) {
                revoke(family, "reused");
                LOG.warnf("Refresh token reused in session %s of account %s: session revoked", family, row[1]);
            }
            return Optional.empty();
        }
        if (!live) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        em.createNativeQuery("UPDATE refresh_token SET used_at = :now WHERE token_hash = :hash")
                .setParameter("now", Timestamp.from(now))
                .setParameter("hash", hash)
                .executeUpdate();
        Instant idleExpiresAt = earliest(now.plus(config.idleLifetime()), toInstant(row[4]));
        em.createNativeQuery("UPDATE session_family SET idle_expires_at = :idle WHERE id = :id")
                .setParameter("idle", Timestamp.from(idleExpiresAt))
                .setParameter("id", family)
                .executeUpdate();
        return Optional.of(new Rotation((UUID) row[1], new RefreshToken(issue(family, now), idleExpiresAt)));
    }

    /** Sign-out: revokes the token's family. Unknown, expired or already revoked tokens are fine (idempotent). */
    @Transactional
    public void end(String token) {
        if (!wellFormed(token)) {
            return;
        }
        em.createNativeQuery("UPDATE session_family SET revoked_at = now(), revoked_reason = 'signed-out'"
                        + " WHERE revoked_at IS NULL"
                        + " AND id = (SELECT family_id FROM refresh_token WHERE token_hash = :hash)")
                .setParameter("hash", hash(token))
                .executeUpdate();
    }

    /** Revokes every session of the account (a password change); joins the caller's transaction. */
    @Transactional
    public int endAll(UUID accountId) {
        return em.createNativeQuery("UPDATE session_family SET revoked_at = now(), revoked_reason = 'password-changed'"
                        + " WHERE account_id = :account AND revoked_at IS NULL")
                .setParameter("account", accountId)
                .executeUpdate();
    }

    /**
     * Deletes sessions that can no longer be used: expired (absolute or idle) or revoked. Their tokens go with them (a
     * purged token is unknown, which gets the same 401 as a revoked one). Harmless on several instances at once.
     */
    @Scheduled(
            identity = "session-purge",
            every = "10m",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeEnded() {
        purge();
    }

    /** What the schedule runs: deletes ended sessions now and says how many. */
    @Transactional
    public int purge() {
        int purged = em.createNativeQuery("DELETE FROM session_family WHERE revoked_at IS NOT NULL"
                        + " OR expires_at <= now() OR idle_expires_at <= now()")
                .executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d ended sessions", purged);
        }
        return purged;
    }

    private void revoke(UUID family, String reason) {
        em.createNativeQuery("UPDATE session_family SET revoked_at = now(), revoked_reason = :reason WHERE id = :id")
                .setParameter("reason", reason)
                .setParameter("id", family)
                .executeUpdate();
    }

    private String issue(UUID family, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = B64URL.encodeToString(bytes);
        em.createNativeQuery(
                        "INSERT INTO refresh_token (token_hash, family_id, issued_at) VALUES (:hash, :family, :now)")
                .setParameter("hash", hash(token))
                .setParameter("family", family)
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        return token;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** Whether a presented value can be one of our tokens at all (43 base64url characters); others are unknown. */
    private static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
