package dev.storefront.account.domain;

import dev.storefront.account.config.AccountConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Counts failed sign-ins per key (an account's email, a client address) in PostgreSQL, so every instance of the
 * service sees the same counts. A key that reaches its limit within the window is locked for the configured duration;
 * while any key of an attempt is locked the attempt is refused without checking the password.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final String RECORD_FAILURE = """
            WITH fresh AS (SELECT now() - make_interval(secs => :window) AS window_start)
            INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at, locked_until)
            VALUES (:key, 1, now(), CASE WHEN :max <= 1 THEN now() + make_interval(secs => :lock) END)
            ON CONFLICT (throttle_key) DO UPDATE SET
                failures = CASE WHEN t.window_started_at <= (SELECT window_start FROM fresh) THEN 1
                                ELSE t.failures + 1 END,
                window_started_at = CASE WHEN t.window_started_at <= (SELECT window_start FROM fresh) THEN now()
                                         ELSE t.window_started_at END,
                locked_until = CASE WHEN t.window_started_at > (SELECT window_start FROM fresh) AND t.failures + 1 >= :max
                                    THEN now() + make_interval(secs => :lock)
                                    ELSE t.locked_until END
            """;

    private final EntityManager em;
    private final AccountConfig.Lockout config;

    public LoginThrottle(EntityManager em, AccountConfig config) {
        this.em = em;
        this.config = config.lockout();
    }

    public static String accountKey(String normalisedEmail) {
        return "account:" + normalisedEmail;
    }

    public static String clientKey(String clientAddress) {
        return "client:" + clientAddress;
    }

    /** Seconds until every one of these keys is unlocked, if any of them is locked now. */
    @Transactional
    public OptionalLong retryAfterSeconds(Collection<String> keys) {
        Object seconds = em.createNativeQuery(
                        "SELECT ceil(extract(epoch FROM max(locked_until) - now())) FROM login_throttle"
                                + " WHERE throttle_key IN (:keys) AND locked_until > now()")
                .setParameter("keys", keys)
                .getSingleResult();
        return seconds == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, ((Number) seconds).longValue()));
    }

    @Transactional
    public void recordFailure(String accountKey, String clientKey) {
        record(accountKey, config.maxAccountFailures());
        record(clientKey, config.maxClientFailures());
    }

    /** A successful sign-in clears the account's count; the client's count stays. */
    @Transactional
    public void reset(String accountKey) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = :key")
                .setParameter("key", accountKey)
                .executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        em.createNativeQuery(
                        "DELETE FROM login_throttle WHERE window_started_at < now() - make_interval(secs => :window)"
                                + " AND (locked_until IS NULL OR locked_until < now())")
                .setParameter("window", (double) config.window().toSeconds())
                .executeUpdate();
    }

    private void record(String key, int max) {
        em.createNativeQuery(RECORD_FAILURE)
                .setParameter("key", key)
                .setParameter("max", max)
                .setParameter("window", (double) config.window().toSeconds())
                .setParameter("lock", (double) config.duration().toSeconds())
                .executeUpdate();
    }
}
