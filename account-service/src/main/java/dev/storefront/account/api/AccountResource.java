package dev.storefront.account.api;

import dev.storefront.account.domain.Account;
import dev.storefront.account.domain.AccountService;
import dev.storefront.account.domain.Authenticator;
import dev.storefront.account.security.SigningKeys;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

/** The public, unauthenticated part of the API: sign-up, sign-in and the token verification keys. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {
    private final AccountService accounts;
    private final Authenticator authenticator;
    private final ClientAddress clientAddress;
    private final SigningKeys keys;
    private final SessionCookie cookie;

    public AccountResource(
            AccountService accounts,
            Authenticator authenticator,
            ClientAddress clientAddress,
            SigningKeys keys,
            SessionCookie cookie) {
        this.accounts = accounts;
        this.authenticator = authenticator;
        this.clientAddress = clientAddress;
        this.keys = keys;
        this.cookie = cookie;
    }

    @POST
    @Operation(summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "An account with this email already exists")
    @APIResponse(responseCode = "429", description = "Too many sign-ups from this client address; see Retry-After")
    public Response signUp(@Valid @NotNull SignUpRequest request, @Context HttpServerRequest http) {
        Account account = accounts.signUp(request.email(), request.password(), request.name(), clientAddress.of(http));
        return Response.created(URI.create("/api/accounts/me"))
                .entity(AccountView.of(account))
                .build();
    }

    @POST
    @Path("/login")
    @Operation(
            summary = "Sign in and get an access token",
            description = "Starts a session: the access token in the body, the refresh token in the HttpOnly cookie"
                    + " storefront_refresh (Path=/api/accounts/session), to be exchanged at"
                    + " POST /api/accounts/session/refresh.")
    @APIResponseSchema(
            value = TokenResponse.class,
            responseCode = "200",
            responseDescription = "Signed in; Set-Cookie carries the refresh token")
    @APIResponse(responseCode = "401", description = "Wrong email or password")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
    public Response login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        Authenticator.Session session =
                authenticator.signIn(request.email(), request.password(), clientAddress.of(http));
        return Response.ok(TokenResponse.of(session))
                .cookie(cookie.of(session.refreshToken()))
                .build();
    }

    @GET
    @Path("/jwks.json")
    @Operation(summary = "The public keys access tokens are signed with (JWK Set)")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(keys.publicJwks()).cacheControl(cache).build();
    }
}
