package dev.storefront.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/** Read-only snapshots of the catalog for publishing. */
@ApplicationScoped
public class CatalogReader {

    /** Every product, active or not: all of them have a JSON document and a page. */
    @Transactional
    public List<ProductData> allProducts() {
        return readOnly(Product.findAll()).map(Product::toData).toList();
    }

    /** The active products of one category, in the order its pages list them. */
    @Transactional
    public List<ProductData> activeIn(String category) {
        return readOnly(Product.find("category = ?1 and active = true order by name, sku", category))
                .map(Product::toData)
                .toList();
    }

    /** The listing keys of a category's active products, unordered (the publisher orders them). */
    @Transactional
    public List<ListedProduct> listedIn(String category) {
        return Product.getEntityManager()
                .createQuery(
                        "select new dev.storefront.catalog.domain.ListedProduct(p.sku, p.name, p.slug, p.updatedAt)"
                                + " from Product p where p.category = ?1 and p.active = true",
                        ListedProduct.class)
                .setParameter(1, category)
                .getResultList();
    }

    /** The products with these skus, in no particular order; skus of no product are left out. */
    @Transactional
    public List<ProductData> products(Collection<String> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return readOnly(Product.find("sku in ?1", skus)).map(Product::toData).toList();
    }

    /**
     * Loaded read-only: the session keeps no snapshot of the entities, so flushing at commit does not compare thousands
     * of products (and their JSON columns) for changes that cannot have happened.
     */
    private static Stream<Product> readOnly(PanacheQuery<Product> query) {
        return query.withHint(HibernateHints.HINT_READ_ONLY, true).stream();
    }

    /** The search index's number of each product of {@code skus} (all products when null); absent skus are left out. */
    @Transactional
    public Map<String, Long> searchIds(Collection<String> skus) {
        if (skus != null && skus.isEmpty()) {
            return Map.of();
        }
        var query = Product.getEntityManager()
                .createQuery(
                        "select p.sku, p.searchId from Product p" + (skus == null ? "" : " where p.sku in ?1"),
                        Object[].class);
        if (skus != null) {
            query.setParameter(1, skus);
        }
        return query.getResultList().stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }

    @Transactional
    public List<CategoryData> categories() {
        return Category.ordered().stream().map(Category::toData).toList();
    }

    /** How many active products each category has; categories without any are absent. */
    @Transactional
    public Map<String, Long> activeCounts() {
        List<Object[]> rows = Product.getEntityManager()
                .createQuery(
                        "select p.category, count(p) from Product p where p.active = true group by p.category",
                        Object[].class)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (Long) r[1]));
    }

    @Transactional
    public long productCount() {
        return Product.count();
    }
}
