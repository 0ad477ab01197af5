package dev.storefront.account.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A shipping address in one account's address book; always looked up together with its owner. */
@Entity
@Table(name = "address")
public class Address extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false)
    public UUID accountId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String line1;

    public String line2;

    @Column(nullable = false)
    public String city;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(nullable = false)
    public String country;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Address> ownedBy(UUID accountId) {
        return list("accountId = ?1 order by createdAt, id", accountId);
    }

    public static Optional<Address> findOwned(UUID accountId, UUID id) {
        return find("accountId = ?1 and id = ?2", accountId, id).firstResultOptional();
    }
}
