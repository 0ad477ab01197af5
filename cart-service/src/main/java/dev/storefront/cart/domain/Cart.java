package dev.storefront.cart.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A shopping cart: anonymous (reachable with its secret token, of which only a hash is kept) or owned by a signed-in
 * customer. Lines and the rules around them arrive with the cart feature.
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
}
