package dev.storefront.defaults.problem;

/**
 * A kind of problem: its status, its {@code type} URI ({@value #BASE} + slug) and its title. The kinds every service
 * shares are the constants here; each service's api layer declares its own for its domain's reasons.
 */
public record ProblemType(int status, String slug, String title) {
    public static final String BASE = "https://storefront.dev/problems/";

    public static final ProblemType VALIDATION_FAILED = new ProblemType(400, "validation-failed", "Bad Request");
    public static final ProblemType MALFORMED_REQUEST = new ProblemType(400, "malformed-request", "Bad Request");
    public static final ProblemType UNAUTHENTICATED = new ProblemType(401, "unauthenticated", "Unauthorized");
    public static final ProblemType FORBIDDEN = new ProblemType(403, "forbidden", "Forbidden");
    public static final ProblemType BODY_TOO_LARGE = new ProblemType(413, "body-too-large", "Content Too Large");
    public static final ProblemType INTERNAL_ERROR = new ProblemType(500, "internal-error", "Internal Server Error");
    public static final ProblemType DATABASE_UNAVAILABLE =
            new ProblemType(503, "database-unavailable", "Service Unavailable");
    public static final ProblemType DEPENDENCY_UNAVAILABLE =
            new ProblemType(503, "dependency-unavailable", "Service Unavailable");
    public static final ProblemType SERVICE_TOKENS_UNAVAILABLE =
            new ProblemType(503, "service-tokens-unavailable", "Service Unavailable");

    public String uri() {
        return BASE + slug;
    }

    /**
     * An HTTP error the framework raised with no reason of ours (no such route, wrong method or media type, a
     * {@code BadRequestException}): typed by its status's reason phrase, e.g. {@code …/not-found}.
     */
    public static ProblemType ofHttpStatus(int status, String reasonPhrase) {
        String phrase = reasonPhrase == null || reasonPhrase.isBlank() ? "HTTP " + status : reasonPhrase;
        String slug = phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new ProblemType(status, slug.replaceAll("^-|-$", ""), phrase);
    }
}
