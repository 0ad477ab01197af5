package dev.storefront.account.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sign-in. Lengths are only bounded here; whether the pair is right is the same 401 either way. */
public record LoginRequest(
        @NotNull @Size(max = 254) String email,
        @NotNull @Size(max = 1024) String password) {
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + "]";
    }
}
