package dev.storefront.defaults.jwt;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Signs a request in with a bearer token this service verified lately ({@link VerifiedTokens}), on the thread that asks,
 * the event loop included. smallrye-jwt's own identity provider hands every sign-in to a request thread, because
 * verifying a token may have to fetch the key set over HTTP (blocking, with 20 s timeouts); a remembered token needs no
 * key set, so for it that hand-off, and the one back, would be for nothing. The identity is the one smallrye-jwt builds:
 * the token as principal and credential, its groups as roles (RememberedIdentitiesTest compares the two, so a Quarkus
 * upgrade that changes smallrye-jwt's fails there).
 *
 * <p>Asked before smallrye-jwt's provider ({@link #priority()}). A token it does not remember gets no identity here, so
 * Quarkus goes on to smallrye-jwt, which verifies it as before, and {@link RememberingJwtParser} remembers it.
 */
@ApplicationScoped
public class RememberedIdentities implements IdentityProvider<TokenAuthenticationRequest> {
    private final VerifiedTokens verifiedTokens;

    public RememberedIdentities(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of every provider left at the default priority, smallrye-jwt's among them (higher is asked first). */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof JsonWebTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        return verifiedTokens
                .remembered(request.getToken().getToken())
                .map(jwt -> Uni.createFrom().item(identity(jwt, request)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    private static SecurityIdentity identity(JsonWebToken jwt, TokenAuthenticationRequest request) {
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .addAttribute(SecurityIdentity.USER_ATTRIBUTE, jwt);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return identity.build();
    }
}
