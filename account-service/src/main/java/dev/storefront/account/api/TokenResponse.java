package dev.storefront.account.api;

import dev.storefront.account.domain.Authenticator;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A signed-in session as its client sees it: a bearer access token (RS256 JWT) and its lifetime. The refresh token is
 * never in the body: it comes as the HttpOnly cookie {@code storefront_refresh} (see {@link SessionCookie}).
 *
 * <p>Registered for reflection: the resources return it inside a {@code Response}, whose entity type Quarkus cannot
 * see at build time, so a native executable would otherwise have no accessors for Jackson to call.
 */
@RegisterForReflection
public record TokenResponse(
        String accessToken,

        @Schema(description = "Seconds until the access token expires")
        long expiresIn,

        @Schema(description = "Always Bearer") String tokenType) {

    static TokenResponse of(Authenticator.Session session) {
        return new TokenResponse(session.accessToken(), session.lifetime().toSeconds(), "Bearer");
    }
}
