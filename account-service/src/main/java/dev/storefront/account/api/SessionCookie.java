package dev.storefront.account.api;

import dev.storefront.account.config.AccountConfig;
import dev.storefront.account.domain.AccountException;
import dev.storefront.account.domain.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.time.Instant;

/**
 * The refresh token travels only in this cookie, for browsers and other clients alike: {@code HttpOnly}, so no page
 * script can read it (an XSS hole can use the session while the page is open, but cannot carry the token away);
 * {@code SameSite=Strict}, so no other site can make a browser send it; {@code Secure}; and {@code Path} narrowed to
 * {@value #PATH}, so it is sent only to refresh and sign out, never to other APIs or to the pages in the bucket.
 */
@ApplicationScoped
public class SessionCookie {
    public static final String NAME = "storefront_refresh";
    public static final String PATH = "/api/accounts/session";
    /** The header a cookie-authenticated request must carry: a cross-origin page cannot send it without CORS. */
    public static final String REQUESTED_WITH = "X-Requested-With";

    private final boolean secure;

    public SessionCookie(AccountConfig config) {
        this.secure = config.session().secureCookie();
    }

    public NewCookie of(Sessions.RefreshToken token) {
        long seconds =
                Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toSeconds());
        return build(token.token(), (int) Math.min(Integer.MAX_VALUE, seconds));
    }

    /** Tells the browser to forget the cookie. */
    public NewCookie cleared() {
        return build("", 0);
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(NAME)
                .value(value)
                .path(PATH)
                .maxAge(maxAge)
                .secure(secure)
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /**
     * Refuses a cookie-authenticated request that a page of another origin could have made: it must carry
     * {@value #REQUESTED_WITH} (a custom header, which no form and no cross-origin fetch without CORS can send), and a
     * browser that says where it comes from ({@code Sec-Fetch-Site}) must say this origin. {@code SameSite=Strict}
     * already keeps the cookie off cross-site requests; this also covers sibling subdomains and old browsers.
     */
    public static void requireSameOrigin(String requestedWith, String fetchSite) {
        boolean sameOriginFetch = fetchSite == null || fetchSite.equals("same-origin") || fetchSite.equals("none");
        if (requestedWith == null || requestedWith.isBlank() || !sameOriginFetch) {
            throw new AccountException(AccountException.Reason.CROSS_SITE_REQUEST);
        }
    }
}
