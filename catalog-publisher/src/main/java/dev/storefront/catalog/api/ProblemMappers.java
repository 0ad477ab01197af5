package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.CatalogRuleViolation;
import dev.storefront.defaults.problem.ProblemType;
import dev.storefront.defaults.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * problem+json for the catalog's own refusals: each {@link CatalogRuleViolation.Reason} has its status, {@code type}
 * and title here (listed in the README). Framework, validation, authentication and database errors are answered by
 * service-defaults.
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response ruleViolation(CatalogRuleViolation e, UriInfo uri) {
        return Problems.respond(type(e.reason()), e.getMessage(), uri);
    }

    static ProblemType type(CatalogRuleViolation.Reason reason) {
        return switch (reason) {
            case PRODUCT_NOT_FOUND -> new ProblemType(404, "product-not-found", "Product not found");
            case CATEGORY_NOT_FOUND -> new ProblemType(404, "category-not-found", "Category not found");
            case SKU_TAKEN -> new ProblemType(409, "sku-taken", "SKU already taken");
            case PRODUCT_SLUG_TAKEN -> new ProblemType(409, "product-slug-taken", "Product slug already taken");
            case CATEGORY_SLUG_TAKEN -> new ProblemType(409, "category-slug-taken", "Category slug already taken");
            case CATEGORY_IN_USE -> new ProblemType(409, "category-in-use", "Category still has products");
            case UNKNOWN_CATEGORY -> new ProblemType(400, "unknown-category", "Unknown category");
            case IDENTIFIER_MISMATCH -> new ProblemType(400, "identifier-mismatch", "Path and body disagree");
        };
    }
}
