package dev.storefront.account.api;

import dev.storefront.account.domain.Emails;
import dev.storefront.account.domain.NotCommonPassword;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sign-up. The email is normalised (trimmed, lower case) before it is validated and stored. */
public record SignUpRequest(
        @NotBlank @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+") @Size(max = 254) String email,

        @Schema(description = "8 to 128 characters; not one of the most common passwords", writeOnly = true)
        @NotNull @Size(min = 8, max = 128) @NotCommonPassword
        String password,

        @NotBlank @Size(max = 100) String name) {
    public SignUpRequest {
        email = Emails.normalise(email);
    }

    @Override
    public String toString() {
        return "SignUpRequest[email=" + email + ", name=" + name + "]";
    }
}
