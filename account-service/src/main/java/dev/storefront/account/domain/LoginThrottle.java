package dev.storefront.account.domain;

import dev.storefront.account.config.AccountConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Counts sign-in attempts per key (an account's email, a client address), and sign-ups per client address, in
 * PostgreSQL, so every instance of the service sees the same counts. An attempt is counted before its password is checked, by one atomic statement per key
 * that refuses it once the limit is reached: parallel guesses cannot all pass a check made before any of them was
 * counted, so at most the limit of attempts per window reach the password hash. A failure that reaches the limit locks
 * the key for the configured duration; a success takes its attempt back, so a key's count (column {@code failures}) is
 * its failures plus the attempts still being checked. A sign-up counts the same way under its own key and is never
 * taken back: a client may make {@code SIGN_UP_MAX_PER_CLIENT} within the window, whatever their outcome.
 */
@ApplicationScoped
public class LoginThrottle {
    /**
     * Counts one attempt, or returns no row when it is refused: while the key is locked, or when its count has reached
     * the limit. A key whose window or lock has run out starts again at this attempt. The upsert's row lock serialises
     * parallel attempts on one key.
     */
    private static final String COUNT_ATTEMPT = """
            INSERT INTO login_throttle AS t (throttle_key, failures, window_started_at, locked_until)
            VALUES (:key, 1, now(), NULL)
            ON CONFLICT (throttle_key) DO UPDATE SET
                failures = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window)
                                  OR t.locked_until <= now() THEN 1
                                ELSE t.failures + 1 END,
                window_started_at = CASE WHEN t.window_started_at <= now() - make_interval(secs => :window)
                                           OR t.locked_until <= now() THEN now()
                                         ELSE t.window_started_at END,
                locked_until = CASE WHEN t.locked_until <= now() THEN NULL ELSE t.locked_until END
            WHERE (t.locked_until IS NULL
                    AND (t.failures < :max OR t.window_started_at <= now() - make_interval(secs => :window)))
               OR t.locked_until <= now()
            RETURNING failures
            """;

    private final EntityManager em;
    private final AccountConfig.Lockout config;
    private final AccountConfig.SignUp signUps;

    public LoginThrottle(EntityManager em, AccountConfig config) {
        this.em = em;
        this.config = config.lockout();
        this.signUps = config.signUp();
    }

    public static String accountKey(String normalisedEmail) {
        return "account:" + normalisedEmail;
    }

    public static String clientKey(String clientAddress) {
        return "client:" + clientAddress;
    }

    static String signUpKey(String clientAddress) {
        return "sign-up:" + clientAddress;
    }

    /**
     * Counts a sign-up from this client address, committed before its password is hashed.
     *
     * @throws AccountException {@code TOO_MANY_SIGN_UPS} when the address has made its limit of sign-ups within the
     *     window; then nothing is counted
     */
    @Transactional
    public void signUp(String clientAddress) {
        String key = signUpKey(clientAddress);
        if (!counted(key, signUps.maxPerClient(), signUps.window())) {
            Object seconds = em.createNativeQuery(
                            "SELECT ceil(extract(epoch FROM window_started_at"
                                    + " + make_interval(secs => :window) - now())) FROM login_throttle WHERE throttle_key = :key")
                    .setParameter("key", key)
                    .setParameter("window", (double) signUps.window().toSeconds())
                    .getSingleResult();
            throw AccountException.tooManySignUps(Math.max(1, ((Number) seconds).longValue()));
        }
    }

    /**
     * Counts an attempt against both keys, committed before the password is checked.
     *
     * @throws AccountException {@code TOO_MANY_ATTEMPTS} when either key refuses it; then nothing is counted (the
     *     transaction rolls back)
     */
    @Transactional
    public void attempt(String accountKey, String clientKey) {
        if (!counted(accountKey, config.maxAccountFailures(), config.window())
                || !counted(clientKey, config.maxClientFailures(), config.window())) {
            throw AccountException.tooManyAttempts(retryAfterSeconds(List.of(accountKey, clientKey)));
        }
    }

    /** The attempt failed: a key whose count has reached its limit is locked. */
    @Transactional
    public void failed(String accountKey, String clientKey) {
        lockIfAtLimit(accountKey, config.maxAccountFailures());
        lockIfAtLimit(clientKey, config.maxClientFailures());
    }

    /** A successful sign-in clears the account's count and takes its attempt back from the client's. */
    @Transactional
    public void succeeded(String accountKey, String clientKey) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = :key")
                .setParameter("key", accountKey)
                .executeUpdate();
        em.createNativeQuery("UPDATE login_throttle SET failures = greatest(failures - 1, 0)"
                        + " WHERE throttle_key = :key AND locked_until IS NULL")
                .setParameter("key", clientKey)
                .executeUpdate();
    }

    /** Rows whose window (the longer of the two, so no sign-up count is forgotten early) and lock have run out. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        long window = Math.max(config.window().toSeconds(), signUps.window().toSeconds());
        em.createNativeQuery(
                        "DELETE FROM login_throttle WHERE window_started_at < now() - make_interval(secs => :window)"
                                + " AND (locked_until IS NULL OR locked_until < now())")
                .setParameter("window", (double) window)
                .executeUpdate();
    }

    private boolean counted(String key, int max, Duration window) {
        return !em.createNativeQuery(COUNT_ATTEMPT)
                .setParameter("key", key)
                .setParameter("max", max)
                .setParameter("window", (double) window.toSeconds())
                .getResultList()
                .isEmpty();
    }

    private void lockIfAtLimit(String key, int max) {
        em.createNativeQuery("UPDATE login_throttle SET locked_until = now() + make_interval(secs => :lock)"
                        + " WHERE throttle_key = :key AND failures >= :max AND locked_until IS NULL")
                .setParameter("key", key)
                .setParameter("max", max)
                .setParameter("lock", (double) config.duration().toSeconds())
                .executeUpdate();
    }

    /**
     * Seconds until every locked key of these is unlocked; 1 when none is locked, only full of attempts still being
     * checked.
     */
    private long retryAfterSeconds(List<String> keys) {
        Object seconds = em.createNativeQuery(
                        "SELECT ceil(extract(epoch FROM max(locked_until) - now())) FROM login_throttle"
                                + " WHERE throttle_key IN (:keys) AND locked_until > now()")
                .setParameter("keys", keys)
                .getSingleResult();
        return seconds == null ? 1 : Math.max(1, ((Number) seconds).longValue());
    }
}
