package dev.storefront.account.api;

import dev.storefront.account.domain.Account;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An account as its owner sees it; the password hash never leaves the service. */
public record AccountView(UUID id, String email, String name, Set<String> roles, Instant createdAt) {
    static AccountView of(Account account) {
        return new AccountView(account.id, account.email, account.name, account.roles(), account.createdAt);
    }
}
