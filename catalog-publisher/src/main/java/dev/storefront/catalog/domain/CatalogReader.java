package dev.storefront.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
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

    /**
     * Where an active product stands in its category's listing: how many active products of the category come before
     * it (name, then sku, by code point: the {@code "C"} collation), and how many there are. One query over the
     * category's entries of the index {@code product_listing}; no product is loaded.
     */
    @Transactional
    public Place placeOf(String category, String name, String sku) {
        Object[] row = (Object[]) Product.getEntityManager()
                .createNativeQuery("select count(*) filter (where name collate \"C\" < ?2"
                        + " or (name = ?2 and sku collate \"C\" < ?3)), count(*)"
                        + " from {h-schema}product where category = ?1 and active")
                .setParameter(1, category)
                .setParameter(2, name)
                .setParameter(3, sku)
                .getSingleResult();
        return new Place(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** See {@link #placeOf}: {@code before} active products of the category precede the product, of {@code total}. */
    public record Place(long before, long total) {}

    /**
     * The active products of a category at positions {@code [from, to)} of its listing (name, then sku, by code point),
     * read in that order along the index {@code product_listing}, as plain columns: what the listing document and the
     * sitemap show of them, no entity loaded.
     */
    @Transactional
    public List<ListingRow> listedBetween(String category, int from, int to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Product.getEntityManager()
                .createNativeQuery("select sku, slug, name, price, currency, category, stock_status, sold_out,"
                        + " images ->> 0, updated_at from {h-schema}product"
                        + " where category = ?1 and active order by name collate \"C\", sku collate \"C\""
                        + " offset ?2 limit ?3")
                .setParameter(1, category)
                .setParameter(2, from)
                .setParameter(3, Math.max(0, to - from))
                .getResultList();
        return rows.stream()
                .map(r -> new ListingRow(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue(),
                        (String) r[4],
                        (String) r[5],
                        StockStatus.valueOf((String) r[6]),
                        (Boolean) r[7],
                        (String) r[8],
                        instant(r[9])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        } else if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp " + value);
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
