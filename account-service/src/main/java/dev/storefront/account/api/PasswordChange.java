package dev.storefront.account.api;

import dev.storefront.account.domain.NotCommonPassword;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A password change: the current password, and a new one under exactly the rules of sign-up. */
public record PasswordChange(
        @Schema(writeOnly = true) @NotNull @Size(max = 1024) String currentPassword,

        @Schema(description = "8 to 128 characters; not one of the most common passwords", writeOnly = true)
        @NotNull @Size(min = 8, max = 128) @NotCommonPassword
        String newPassword) {
    @Override
    public String toString() {
        return "PasswordChange[]";
    }
}
