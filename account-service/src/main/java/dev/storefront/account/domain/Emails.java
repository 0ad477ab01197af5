package dev.storefront.account.domain;

import java.util.Locale;

/** Emails are compared and stored trimmed and in lower case, so {@code " Ann@Example.com"} is {@code ann@example.com}. */
public final class Emails {
    private Emails() {}

    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
