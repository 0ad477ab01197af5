package dev.storefront.catalog.domain;

/**
 * A change or read the catalog's rules refuse, for a {@link Reason}; the message says which product or category. Nothing
 * was changed. The api layer alone decides how each reason is answered.
 */
public class CatalogRuleViolation extends RuntimeException {
    public enum Reason {
        /** No product has the sku. */
        PRODUCT_NOT_FOUND,
        /** No category has the slug. */
        CATEGORY_NOT_FOUND,
        /** A new product's sku is already another product's. */
        SKU_TAKEN,
        /** A product's slug (the name of its page) is already another product's. */
        PRODUCT_SLUG_TAKEN,
        /** A new category's slug is already another category's. */
        CATEGORY_SLUG_TAKEN,
        /** A category that still has products cannot be deleted. */
        CATEGORY_IN_USE,
        /** A product names a category that does not exist. */
        UNKNOWN_CATEGORY,
        /** The sku or slug in a replacement's body is not the one it replaces. */
        IDENTIFIER_MISMATCH
    }

    private final Reason reason;

    private CatalogRuleViolation(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    static CatalogRuleViolation productNotFound(String sku) {
        return new CatalogRuleViolation(Reason.PRODUCT_NOT_FOUND, "Product '" + sku + "' does not exist");
    }

    static CatalogRuleViolation categoryNotFound(String slug) {
        return new CatalogRuleViolation(Reason.CATEGORY_NOT_FOUND, "Category '" + slug + "' does not exist");
    }

    static CatalogRuleViolation skuTaken(String sku) {
        return new CatalogRuleViolation(Reason.SKU_TAKEN, "A product with sku '" + sku + "' already exists");
    }

    static CatalogRuleViolation productSlugTaken(String slug, String bySku) {
        return new CatalogRuleViolation(Reason.PRODUCT_SLUG_TAKEN, "Slug '" + slug + "' is already used by " + bySku);
    }

    static CatalogRuleViolation categorySlugTaken(String slug) {
        return new CatalogRuleViolation(
                Reason.CATEGORY_SLUG_TAKEN, "A category with slug '" + slug + "' already exists");
    }

    static CatalogRuleViolation categoryInUse(String slug) {
        return new CatalogRuleViolation(Reason.CATEGORY_IN_USE, "Category '" + slug + "' still has products");
    }

    static CatalogRuleViolation unknownCategory(String slug) {
        return new CatalogRuleViolation(Reason.UNKNOWN_CATEGORY, "Category '" + slug + "' does not exist");
    }

    /** {@code identifier} is "sku" or "slug". */
    static CatalogRuleViolation identifierMismatch(String identifier) {
        return new CatalogRuleViolation(
                Reason.IDENTIFIER_MISMATCH,
                "The " + identifier + " in the body must match the " + identifier + " in the path");
    }
}
