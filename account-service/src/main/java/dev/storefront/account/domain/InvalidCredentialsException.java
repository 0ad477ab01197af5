package dev.storefront.account.domain;

/** Wrong email or wrong password: deliberately the same failure for both. */
public class InvalidCredentialsException extends RuntimeException {
    public InvalidCredentialsException() {
        super("The email or password is not correct");
    }
}
