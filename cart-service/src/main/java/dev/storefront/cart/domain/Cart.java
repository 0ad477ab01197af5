package dev.storefront.cart.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A shopping cart: anonymous (reachable with its secret token, of which only a hash is kept) or owned by a signed-in
 * customer. Never leaves the service; {@link CartContents} is what callers see.
 */
@Entity
@Table(name = "cart")
public class Cart extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("addedAt, sku")
    public List<CartLine> lines = new ArrayList<>();

    static Cart anonymous(byte[] tokenHash, Instant now) {
        Cart cart = new Cart();
        cart.id = UUID.randomUUID();
        cart.tokenHash = tokenHash;
        cart.createdAt = now;
        cart.updatedAt = now;
        return cart;
    }

    Optional<CartLine> line(String sku) {
        return lines.stream().filter(l -> l.sku.equals(sku)).findFirst();
    }

    boolean isAnonymous() {
        return ownerId == null;
    }

    CartContents contents() {
        return new CartContents(
                id, ownerId != null, lines.stream().map(CartLine::contents).toList(), updatedAt);
    }
}
