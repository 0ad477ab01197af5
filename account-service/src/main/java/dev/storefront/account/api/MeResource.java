package dev.storefront.account.api;

import dev.storefront.account.domain.AccountService;
import dev.storefront.account.domain.AddressBook;
import dev.storefront.account.domain.Authenticator;
import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** The signed-in caller's own profile and address book; the account is always the token's subject. */
@Path("/api/accounts/me")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {
    private final AccountService accounts;
    private final AddressBook addresses;
    private final JsonWebToken jwt;
    private final Authenticator authenticator;
    private final ClientAddress clientAddress;
    private final SessionCookie cookie;

    public MeResource(
            AccountService accounts,
            AddressBook addresses,
            JsonWebToken jwt,
            Authenticator authenticator,
            ClientAddress clientAddress,
            SessionCookie cookie) {
        this.accounts = accounts;
        this.addresses = addresses;
        this.jwt = jwt;
        this.authenticator = authenticator;
        this.clientAddress = clientAddress;
        this.cookie = cookie;
    }

    @GET
    public AccountView me() {
        return AccountView.of(accounts.get(caller()));
    }

    @PATCH
    public AccountView update(@Valid @NotNull ProfileUpdate update) {
        return AccountView.of(accounts.rename(caller(), update.name()));
    }

    @PUT
    @Path("/password")
    @Operation(
            summary = "Change the password",
            description = "Checks the current password (a wrong one counts as a failed sign-in), stores the new one,"
                    + " ends every session of the account and starts a new one for the caller. Access tokens already"
                    + " issued stay valid until they expire.")
    @APIResponseSchema(
            value = TokenResponse.class,
            responseCode = "200",
            responseDescription = "Changed; a new session (Set-Cookie carries its refresh token)")
    @APIResponse(responseCode = "403", description = "The current password is wrong")
    @APIResponse(responseCode = "429", description = "Too many failed attempts; see Retry-After")
    public Response changePassword(@Valid @NotNull PasswordChange change, @Context HttpServerRequest http) {
        Authenticator.Session session = authenticator.changePassword(
                caller(), change.currentPassword(), change.newPassword(), clientAddress.of(http));
        return Response.ok(TokenResponse.of(session))
                .cookie(cookie.of(session.refreshToken()))
                .build();
    }

    @GET
    @Path("/addresses")
    public List<AddressView> addresses() {
        return addresses.list(caller()).stream().map(AddressView::of).toList();
    }

    @GET
    @Path("/addresses/{id}")
    public AddressView address(@PathParam("id") UUID id) {
        return AddressView.of(addresses.get(caller(), id));
    }

    @POST
    @Path("/addresses")
    public Response add(@Valid @NotNull AddressRequest request) {
        AddressView created = AddressView.of(addresses.add(caller(), request.fields()));
        return Response.created(URI.create("/api/accounts/me/addresses/" + created.id()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/addresses/{id}")
    public AddressView replace(@PathParam("id") UUID id, @Valid @NotNull AddressRequest request) {
        return AddressView.of(addresses.replace(caller(), id, request.fields()));
    }

    @DELETE
    @Path("/addresses/{id}")
    public void remove(@PathParam("id") UUID id) {
        addresses.remove(caller(), id);
    }

    private UUID caller() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            // A 401 like any other bad token (the shared mapper answers it with WWW-Authenticate: Bearer).
            throw new AuthenticationFailedException("The token has no account subject");
        }
    }
}
