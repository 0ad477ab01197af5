package dev.storefront.order.api;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in customer of this request. Tokens are verified locally by smallrye-jwt against account-service's JWKS;
 * authentication is lazy, so a bad token surfaces here (or at {@code @Authenticated}) and becomes a 401 problem.
 */
@RequestScoped
public class Caller {
    private final JsonWebToken jwt;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** The customer's account id: the token's {@code sub}. */
    public UUID customerId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AuthenticationFailedException("The access token subject is not an account id");
        }
    }

    /**
     * The raw access token, forwarded within this request to cart-service (which shows a cart only to its owner) and
     * account-service; never stored.
     */
    public String bearerToken() {
        return jwt.getRawToken();
    }
}
