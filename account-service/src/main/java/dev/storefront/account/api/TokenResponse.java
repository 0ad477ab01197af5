package dev.storefront.account.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A signed-in session: a bearer access token (RS256 JWT) and its lifetime. */
public record TokenResponse(
        String accessToken,

        @Schema(description = "Seconds until the access token expires")
        long expiresIn,

        @Schema(description = "Always Bearer") String tokenType) {}
