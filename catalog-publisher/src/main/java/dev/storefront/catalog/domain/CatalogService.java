package dev.storefront.catalog.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Changes to the catalog and the rules they obey. Each method is one transaction and says what changed. */
@ApplicationScoped
public class CatalogService {

    @Transactional
    public ProductChange create(ProductData input) {
        if (Product.findByIdOptional(input.sku()).isPresent()) {
            throw CatalogRuleViolation.skuTaken(input.sku());
        }
        checkPlacement(input);
        Product product = Product.of(input);
        product.persist();
        return new ProductChange(Optional.empty(), Optional.of(product.toData()));
    }

    @Transactional
    public ProductChange update(String sku, ProductData input) {
        if (!sku.equals(input.sku())) {
            throw CatalogRuleViolation.identifierMismatch("sku");
        }
        Product product = requireProduct(sku);
        ProductData before = product.toData();
        checkPlacement(input);
        product.assign(input);
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
            throw CatalogRuleViolation.categorySlugTaken(input.slug());
        }
        Category category = Category.of(input);
        category.persist();
        return category.toData();
    }

    @Transactional
    public CategoryData updateCategory(String slug, CategoryData input) {
        if (!slug.equals(input.slug())) {
            throw CatalogRuleViolation.identifierMismatch("slug");
        }
        Category category = requireCategory(slug);
        category.assign(input);
        return category.toData();
    }

    @Transactional
    public CategoryData deleteCategory(String slug) {
        Category category = requireCategory(slug);
        if (Product.count("category", slug) > 0) {
            throw CatalogRuleViolation.categoryInUse(slug);
        }
        category.delete();
        return category.toData();
    }

    /** The product's category must exist, and its slug (the name of its page) must be no other product's. */
    private static void checkPlacement(ProductData input) {
        if (Category.findByIdOptional(input.category()).isEmpty()) {
            throw CatalogRuleViolation.unknownCategory(input.category());
        }
        Product.bySlug(input.slug())
                .filter(other -> !other.sku.equals(input.sku()))
                .ifPresent(other -> {
                    throw CatalogRuleViolation.productSlugTaken(input.slug(), other.sku);
                });
    }

    private static Product requireProduct(String sku) {
        return Product.<Product>findByIdOptional(sku).orElseThrow(() -> CatalogRuleViolation.productNotFound(sku));
    }

    private static Category requireCategory(String slug) {
        return Category.<Category>findByIdOptional(slug).orElseThrow(() -> CatalogRuleViolation.categoryNotFound(slug));
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
