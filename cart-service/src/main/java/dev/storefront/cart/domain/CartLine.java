package dev.storefront.cart.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sku in a cart. The price stored is the one the shopper last saw, not the current one. */
@Entity
@Table(name = "cart_line")
public class CartLine extends PanacheEntityBase {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id")
    public Cart cart;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "seen_unit_price", nullable = false)
    public long seenUnitPrice;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(nullable = false)
    public String name;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    static CartLine of(Cart cart, String sku, int quantity, ProductSnapshot product, Instant now) {
        CartLine line = new CartLine();
        line.id = UUID.randomUUID();
        line.cart = cart;
        line.sku = sku;
        line.quantity = quantity;
        line.addedAt = now;
        line.see(product);
        return line;
    }

    void see(ProductSnapshot product) {
        seenUnitPrice = product.unitPrice();
        currency = product.currency();
        name = product.name();
    }

    CartContents.Line contents() {
        return new CartContents.Line(sku, quantity, seenUnitPrice, currency, name);
    }
}
