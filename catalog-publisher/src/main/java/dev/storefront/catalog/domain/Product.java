package dev.storefront.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product of the catalog. Prices are in minor units of {@link #currency} (cents for EUR). */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {
    @Id
    public String sku;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description = "";

    @Column(nullable = false)
    public long price;

    @Column(nullable = false)
    public String currency;

    /** The slug of the product's {@link Category}. */
    @Column(nullable = false)
    public String category;

    /** Object keys of the product's images in the bucket; the first is its main image. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> images = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> attributes = new LinkedHashMap<>();

    @Column(nullable = false)
    public boolean active = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "stock_status", nullable = false)
    public StockStatus stockStatus;

    /**
     * Set only by {@link CatalogService#applyAvailability} through a conditional UPDATE, never written by Hibernate: an
     * admin's change, loaded before a delivery committed, must not write an old value back.
     */
    @Column(name = "sold_out", nullable = false, insertable = false, updatable = false)
    public boolean soldOut;

    /** order-service's stock version of {@link #soldOut}; written like it. */
    @Column(name = "stock_version", nullable = false, insertable = false, updatable = false)
    public long stockVersion;

    /**
     * The product's number in the static search index, given by the database on insert (never written by Hibernate,
     * so it is null on an entity persisted in this transaction).
     */
    @Column(name = "search_id", insertable = false, updatable = false)
    public Long searchId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new product holding {@code data}. */
    static Product of(ProductData data) {
        Product product = new Product();
        product.sku = data.sku();
        product.assign(data);
        return product;
    }

    /** Takes every field but the sku and the sold-out state from {@code data}, and marks the product as changed now. */
    void assign(ProductData data) {
        slug = data.slug();
        name = data.name();
        description = data.description();
        price = data.price();
        currency = data.currency();
        category = data.category();
        images = new ArrayList<>(data.images());
        attributes = new LinkedHashMap<>(data.attributes());
        active = data.active();
        stockStatus = data.stockStatus();
        updatedAt = Instant.now();
    }

    public static Optional<Product> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public ProductData toData() {
        return new ProductData(
                sku,
                slug,
                name,
                description,
                price,
                currency,
                category,
                List.copyOf(images),
                Map.copyOf(attributes),
                active,
                stockStatus,
                soldOut,
                updatedAt);
    }
}
