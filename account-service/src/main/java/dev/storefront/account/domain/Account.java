package dev.storefront.account.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A customer account. The email is stored normalised (trimmed, lower case) and is unique. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    public static final String CUSTOMER = "customer";
    public static final String ADMIN = "admin";

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean admin;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Account> findByEmail(String normalisedEmail) {
        return find("email", normalisedEmail).firstResultOptional();
    }

    /** The {@code groups} of this account's tokens. */
    public Set<String> roles() {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(CUSTOMER);
        if (admin) {
            roles.add(ADMIN);
        }
        return roles;
    }

    @Override
    public String toString() {
        return "Account[id=" + id + "]";
    }
}
