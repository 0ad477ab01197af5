package dev.storefront.catalog.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

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
        // Locked, so that a sold-out delivery cannot commit between this read and the publish of what it read.
        Product product = requireLocked(sku);
        ProductData before = product.toData();
        checkPlacement(input);
        product.assign(input);
        return new ProductChange(Optional.of(before), Optional.of(product.toData()), searchId(product));
    }

    @Transactional
    public ProductChange delete(String sku) {
        Product product = requireProduct(sku);
        ProductData before = product.toData();
        OptionalLong searchId = searchId(product);
        product.delete();
        return new ProductChange(Optional.of(before), Optional.empty(), searchId);
    }

    /**
     * Applies order-service's word that the product is sold out, or no longer is, as of its stock {@code version}
     * (which only grows). Only a newer version than the stored one is applied, by one conditional UPDATE, so a
     * redelivered or overtaken delivery changes nothing and two racing ones cannot go backwards. The admin's own stock
     * status is kept either way.
     *
     * @return the change to publish: empty when the version was not newer, or the product's sold-out state is what it
     *     was (the version is stored all the same)
     */
    @Transactional
    public Optional<ProductChange> applyAvailability(String sku, boolean soldOut, long version) {
        Product product = requireLocked(sku);
        ProductData before = product.toData();
        int applied = Product.getEntityManager()
                .createNativeQuery("UPDATE {h-schema}product SET sold_out = ?1, stock_version = ?2,"
                        + " updated_at = CASE WHEN sold_out = ?1 THEN updated_at ELSE ?3 END"
                        + " WHERE sku = ?4 AND stock_version < ?2")
                .setParameter(1, soldOut)
                .setParameter(2, version)
                .setParameter(3, Instant.now())
                .setParameter(4, sku)
                .executeUpdate();
        if (applied == 0 || before.soldOut() == soldOut) {
            return Optional.empty();
        }
        Product.getEntityManager().refresh(product);
        return Optional.of(new ProductChange(Optional.of(before), Optional.of(product.toData()), searchId(product)));
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

    private static OptionalLong searchId(Product product) {
        return product.searchId == null ? OptionalLong.empty() : OptionalLong.of(product.searchId);
    }

    private static Product requireProduct(String sku) {
        return Product.<Product>findByIdOptional(sku).orElseThrow(() -> CatalogRuleViolation.productNotFound(sku));
    }

    private static Product requireLocked(String sku) {
        return Product.<Product>findByIdOptional(sku, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> CatalogRuleViolation.productNotFound(sku));
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
