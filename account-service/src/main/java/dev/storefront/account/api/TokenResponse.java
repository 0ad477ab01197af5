package dev.storefront.account.api;

import dev.storefront.account.domain.Authenticator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signed-in session as its client sees it: a bearer access token (RS256 JWT) and its lifetime. The refresh token is
 * never in the body: it comes as the HttpOnly cookie {@code storefront_refresh} (see {@link SessionCookie}).
 */
public record TokenResponse(
        String accessToken,

        @Schema(description = "Seconds until the access token expires")
        long expiresIn,

        @Schema(description = "Always Bearer") String tokenType) {

    static TokenResponse of(Authenticator.Session session) {
        return new TokenResponse(session.accessToken(), session.lifetime().toSeconds(), "Bearer");
    }
}
