package dev.storefront.cart.api;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in shopper of this request, if any. Tokens are verified locally by smallrye-jwt against account-service's
 * JWKS; authentication is lazy (not proactive), so a bad token surfaces here and becomes a 401 problem.
 */
@RequestScoped
public class Caller {
    private final SecurityIdentity identity;
    private final HttpHeaders headers;

    public Caller(SecurityIdentity identity, HttpHeaders headers) {
        this.identity = identity;
        this.headers = headers;
    }

    /**
     * The account id ({@code sub}) of a valid bearer token; empty without an {@code Authorization} header. A header
     * that holds no bearer token smallrye-jwt can read ({@code Basic …}, an empty {@code Bearer}) is refused rather than
     * taken as anonymous: the client meant to sign in, and must not get a new anonymous cart instead.
     */
    public Optional<UUID> accountId() {
        if (identity.isAnonymous()) {
            if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
                throw new AuthenticationFailedException("The Authorization header holds no bearer token");
            }
            return Optional.empty();
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
            throw new AuthenticationFailedException("The access token has no subject");
        }
        try {
            return Optional.of(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("The access token subject is not an account id");
        }
    }

    public UUID requireAccountId() {
        return accountId().orElseThrow(() -> new UnauthorizedException("A bearer token is required"));
    }
}
