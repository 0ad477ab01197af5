package dev.storefront.catalog.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product category; its slug is the path segment of its pages ({@code /categories/<slug>/}). */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {
    @Id
    public String slug;

    @Column(nullable = false)
    public String name;
}
