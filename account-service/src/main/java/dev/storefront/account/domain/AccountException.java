package dev.storefront.account.domain;

/**
 * An account rule refused the request. It says why (its {@link Reason}) and carries the data that goes with it; how a
 * client sees each reason (status, {@code type}, title) is decided by the api layer alone.
 */
public class AccountException extends RuntimeException {

    /** Why the request was refused; the message of each is the {@code detail} a client reads. */
    public enum Reason {
        /** Sign-up with an email that already has an account. */
        EMAIL_TAKEN("An account with this email already exists"),
        /** Wrong email or wrong password: deliberately the same failure for both. */
        INVALID_CREDENTIALS("The email or password is not correct"),
        /** The account or the client address is locked after repeated failures; see {@link #retryAfterSeconds()}. */
        TOO_MANY_ATTEMPTS("Too many failed sign-in attempts; try again later"),
        /** The client address has made as many sign-ups as its limit allows; see {@link #retryAfterSeconds()}. */
        TOO_MANY_SIGN_UPS("Too many accounts were created from this address; try again later"),
        /** The token's account no longer exists. */
        ACCOUNT_NOT_FOUND("No such account"),
        /** No such address in the caller's address book, including one that belongs to another account. */
        ADDRESS_NOT_FOUND("No such address"),
        /**
         * No refresh token, or one that is unknown, expired, revoked or already used (the last also revokes its whole
         * family): deliberately the same failure for all, the client signs in again.
         */
        SESSION_ENDED("The session has ended; please sign in again"),
        /** A password change whose current password is wrong; counted like a failed sign-in. */
        WRONG_PASSWORD("The current password is not correct"),
        /** A request that uses the refresh cookie without proof that the storefront's own scripts sent it. */
        CROSS_SITE_REQUEST("This request must come from the storefront's own pages (X-Requested-With header)");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;
    private final long retryAfterSeconds;

    public AccountException(Reason reason) {
        this(reason, 0);
    }

    private AccountException(Reason reason, long retryAfterSeconds) {
        super(reason.message);
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Sign-in refused while locked: the client may try again after {@code retryAfterSeconds}. */
    public static AccountException tooManyAttempts(long retryAfterSeconds) {
        return new AccountException(Reason.TOO_MANY_ATTEMPTS, retryAfterSeconds);
    }

    /** Sign-up refused for the client address: it may try again after {@code retryAfterSeconds}. */
    public static AccountException tooManySignUps(long retryAfterSeconds) {
        return new AccountException(Reason.TOO_MANY_SIGN_UPS, retryAfterSeconds);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * For {@link Reason#TOO_MANY_ATTEMPTS} and {@link Reason#TOO_MANY_SIGN_UPS}: seconds until the client may try
     * again; 0 for any other reason.
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
