package dev.storefront.account.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Changes to the caller's profile. The email and password are not changed here. */
public record ProfileUpdate(@NotBlank @Size(max = 100) String name) {}
