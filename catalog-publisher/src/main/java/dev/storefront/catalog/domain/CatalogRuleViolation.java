package dev.storefront.catalog.domain;

/** A change the catalog's rules refuse; the API turns it into a 4xx problem. */
public class CatalogRuleViolation extends RuntimeException {
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID
    }

    private final Kind kind;

    public CatalogRuleViolation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static CatalogRuleViolation notFound(String what) {
        return new CatalogRuleViolation(Kind.NOT_FOUND, what + " does not exist");
    }
}
