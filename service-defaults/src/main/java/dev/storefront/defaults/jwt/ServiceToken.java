package dev.storefront.defaults.jwt;

import jakarta.json.JsonString;
import java.util.Arrays;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A service token whose signature, issuer, audience and lifetime {@link ServiceTokenVerifier} has checked. */
public record ServiceToken(JsonWebToken jwt) {

    /** Whether the space-separated {@code scope} claim holds {@code scope} exactly. */
    public boolean hasScope(String scope) {
        return Arrays.asList(text("scope").split(" ")).contains(scope);
    }

    /** A string claim, or "" when it is absent or not a string. */
    public String text(String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String string ? string : "";
    }

    /** The {@code sub} claim, or "". */
    public String subject() {
        return text("sub");
    }
}
