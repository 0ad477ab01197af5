package dev.storefront.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A product category; its slug is the path segment of its pages ({@code /categories/<slug>/}). */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {
    @Id
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description = "";

    /** Order on the home page; ties are broken by name. */
    @Column(nullable = false)
    public int position;

    /** A new category holding {@code data}. */
    static Category of(CategoryData data) {
        Category category = new Category();
        category.slug = data.slug();
        category.assign(data);
        return category;
    }

    /** Takes every field but the slug from {@code data}. */
    void assign(CategoryData data) {
        name = data.name();
        description = data.description();
        position = data.position();
    }

    public static List<Category> ordered() {
        return list("order by position, name");
    }

    public CategoryData toData() {
        return new CategoryData(slug, name, description, position);
    }
}
