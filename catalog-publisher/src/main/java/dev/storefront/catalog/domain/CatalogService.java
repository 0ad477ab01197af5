package dev.storefront.catalog.domain;

import static dev.storefront.catalog.domain.CatalogRuleViolation.Kind.CONFLICT;
import static dev.storefront.catalog.domain.CatalogRuleViolation.Kind.INVALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/** Changes to the catalog and the rules they obey. Each method is one transaction and says what changed. */
@ApplicationScoped
public class CatalogService {

    @Transactional
    public ProductChange create(ProductData input) {
        if (Product.findByIdOptional(input.sku()).isPresent()) {
            throw new CatalogRuleViolation(CONFLICT, "A product with sku '" + input.sku() + "' already exists");
        }
        Product product = new Product();
        product.sku = input.sku();
        apply(product, input);
        product.persist();
        return new ProductChange(Optional.empty(), Optional.of(product.toData()));
    }

    @Transactional
    public ProductChange update(String sku, ProductData input) {
        if (!sku.equals(input.sku())) {
            throw new CatalogRuleViolation(INVALID, "The sku in the body must match the sku in the path");
        }
        Product product = requireProduct(sku);
        ProductData before = product.toData();
        apply(product, input);
        return new ProductChange(Optional.of(before), Optional.of(product.toData()));
    }

    @Transactional
    public ProductChange delete(String sku) {
        Product product = requireProduct(sku);
        ProductData before = product.toData();
        product.delete();
        return new ProductChange(Optional.of(before), Optional.empty());
    }

    @Transactional
    public CategoryData createCategory(CategoryData input) {
        if (Category.findByIdOptional(input.slug()).isPresent()) {
            throw new CatalogRuleViolation(CONFLICT, "A category with slug '" + input.slug() + "' already exists");
        }
        Category category = new Category();
        category.slug = input.slug();
        apply(category, input);
        category.persist();
        return category.toData();
    }

    @Transactional
    public CategoryData updateCategory(String slug, CategoryData input) {
        if (!slug.equals(input.slug())) {
            throw new CatalogRuleViolation(INVALID, "The slug in the body must match the slug in the path");
        }
        Category category = requireCategory(slug);
        apply(category, input);
        return category.toData();
    }

    @Transactional
    public CategoryData deleteCategory(String slug) {
        Category category = requireCategory(slug);
        if (Product.count("category", slug) > 0) {
            throw new CatalogRuleViolation(CONFLICT, "Category '" + slug + "' still has products");
        }
        category.delete();
        return category.toData();
    }

    private static void apply(Product product, ProductData input) {
        if (Category.findByIdOptional(input.category()).isEmpty()) {
            throw new CatalogRuleViolation(INVALID, "Category '" + input.category() + "' does not exist");
        }
        Product.bySlug(input.slug())
                .filter(other -> !other.sku.equals(product.sku))
                .ifPresent(other -> {
                    throw new CatalogRuleViolation(
                            CONFLICT, "Slug '" + input.slug() + "' is already used by " + other.sku);
                });
        product.slug = input.slug();
        product.name = input.name();
        product.description = input.description();
        product.price = input.price();
        product.currency = input.currency();
        product.category = input.category();
        product.images = new ArrayList<>(input.images());
        product.attributes = new LinkedHashMap<>(input.attributes());
        product.active = input.active();
        product.stockStatus = input.stockStatus();
        product.updatedAt = Instant.now();
    }

    private static void apply(Category category, CategoryData input) {
        category.name = input.name();
        category.description = input.description();
        category.position = input.position();
    }

    private static Product requireProduct(String sku) {
        return Product.<Product>findByIdOptional(sku)
                .orElseThrow(() -> CatalogRuleViolation.notFound("Product '" + sku + "'"));
    }

    private static Category requireCategory(String slug) {
        return Category.<Category>findByIdOptional(slug)
                .orElseThrow(() -> CatalogRuleViolation.notFound("Category '" + slug + "'"));
    }

    /** A page of products ordered by sku. */
    @Transactional
    public List<ProductData> products(int page, int size) {
        return Product.<Product>findAll(io.quarkus.panache.common.Sort.by("sku")).page(page, size).list().stream()
                .map(Product::toData)
                .toList();
    }

    @Transactional
    public ProductData product(String sku) {
        return requireProduct(sku).toData();
    }

    @Transactional
    public List<CategoryData> categories() {
        return Category.ordered().stream().map(Category::toData).toList();
    }

    @Transactional
    public CategoryData category(String slug) {
        return requireCategory(slug).toData();
    }
}
