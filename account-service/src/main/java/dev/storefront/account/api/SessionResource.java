package dev.storefront.account.api;

import dev.storefront.account.domain.Authenticator;
import dev.storefront.account.domain.Sessions;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/**
 * The session behind the refresh cookie: refresh the access token, or sign out. The cookie is the only credential
 * here, so each request must also prove it comes from the storefront's own scripts ({@link SessionCookie}).
 */
@Path(SessionCookie.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final Authenticator authenticator;
    private final Sessions sessions;
    private final SessionCookie cookie;

    public SessionResource(Authenticator authenticator, Sessions sessions, SessionCookie cookie) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @POST
    @Path("/refresh")
    @Operation(
            summary = "A new access token for the session in the refresh cookie",
            description = "Rotates the refresh token: the presented one is used up and a new cookie replaces it. A used"
                    + " one presented again ends the whole session. Requires the X-Requested-With header.")
    @APIResponseSchema(
            value = TokenResponse.class,
            responseCode = "200",
            responseDescription = "A new access token; Set-Cookie carries the next refresh token")
    @APIResponse(responseCode = "401", description = "No session, or it has ended (the cookie is cleared)")
    @APIResponse(responseCode = "403", description = "No X-Requested-With header, or a cross-site request")
    public Response refresh(
            @CookieParam(SessionCookie.NAME) String refreshToken,
            @HeaderParam(SessionCookie.REQUESTED_WITH) String requestedWith,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        SessionCookie.requireSameOrigin(requestedWith, fetchSite);
        Authenticator.Session session = authenticator.refresh(refreshToken);
        return Response.ok(TokenResponse.of(session))
                .cookie(cookie.of(session.refreshToken()))
                .build();
    }

    @DELETE
    @Operation(
            summary = "Sign out",
            description = "Revokes the session in the refresh cookie and clears the cookie; without a live session it"
                    + " does the same (idempotent). An access token already issued stays valid until it expires."
                    + " Requires the X-Requested-With header.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "403", description = "No X-Requested-With header, or a cross-site request")
    public Response signOut(
            @CookieParam(SessionCookie.NAME) String refreshToken,
            @HeaderParam(SessionCookie.REQUESTED_WITH) String requestedWith,
            @HeaderParam("Sec-Fetch-Site") String fetchSite) {
        SessionCookie.requireSameOrigin(requestedWith, fetchSite);
        sessions.end(refreshToken);
        return Response.noContent().cookie(cookie.cleared()).build();
    }
}
