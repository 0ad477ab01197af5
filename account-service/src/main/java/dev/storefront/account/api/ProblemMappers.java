package dev.storefront.account.api;

import dev.storefront.account.domain.AccountException;
import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.defaults.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * How a client sees each reason an account rule refuses a request. Framework errors (invalid or malformed bodies,
 * 401/403, an oversized body, a database outage, a bug) are mapped by service-defaults' {@code FrameworkProblemMappers}.
 */
public class ProblemMappers {
    static final ProblemType EMAIL_TAKEN = new ProblemType(409, "email-taken", "Conflict");
    static final ProblemType INVALID_CREDENTIALS = new ProblemType(401, "invalid-credentials", "Unauthorized");
    static final ProblemType TOO_MANY_ATTEMPTS = new ProblemType(429, "too-many-attempts", "Too Many Requests");
    static final ProblemType TOO_MANY_SIGN_UPS = new ProblemType(429, "too-many-sign-ups", "Too Many Requests");
    static final ProblemType ACCOUNT_NOT_FOUND = new ProblemType(404, "account-not-found", "Not Found");
    static final ProblemType ADDRESS_NOT_FOUND = new ProblemType(404, "address-not-found", "Not Found");
    static final ProblemType SESSION_ENDED = new ProblemType(401, "session-ended", "Unauthorized");
    static final ProblemType WRONG_PASSWORD = new ProblemType(403, "wrong-password", "Forbidden");
    static final ProblemType CROSS_SITE_REQUEST = new ProblemType(403, "cross-site-request", "Forbidden");

    private final SessionCookie cookie;

    public ProblemMappers(SessionCookie cookie) {
        this.cookie = cookie;
    }

    @ServerExceptionMapper
    public Response account(AccountException e, UriInfo uri) {
        ProblemType type = typeOf(e.reason());
        if (e.retryAfterSeconds() > 0) {
            return Problems.retryAfter(type, e.getMessage(), uri, e.retryAfterSeconds());
        }
        if (e.reason() == AccountException.Reason.SESSION_ENDED) {
            // The client's cookie is of no further use: let the browser forget it.
            return Response.fromResponse(Problems.respond(type, e.getMessage(), uri))
                    .cookie(cookie.cleared())
                    .build();
        }
        return Problems.respond(type, e.getMessage(), uri);
    }

    static ProblemType typeOf(AccountException.Reason reason) {
        return switch (reason) {
            case EMAIL_TAKEN -> EMAIL_TAKEN;
            case INVALID_CREDENTIALS -> INVALID_CREDENTIALS;
            case TOO_MANY_ATTEMPTS -> TOO_MANY_ATTEMPTS;
            case TOO_MANY_SIGN_UPS -> TOO_MANY_SIGN_UPS;
            case ACCOUNT_NOT_FOUND -> ACCOUNT_NOT_FOUND;
            case ADDRESS_NOT_FOUND -> ADDRESS_NOT_FOUND;
            case SESSION_ENDED -> SESSION_ENDED;
            case WRONG_PASSWORD -> WRONG_PASSWORD;
            case CROSS_SITE_REQUEST -> CROSS_SITE_REQUEST;
        };
    }
}
