package dev.storefront.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an order ships: copied into the order, so later address-book edits do not change past orders. */
@Embeddable
public class Address {
    @Column(name = "ship_name", nullable = false, length = 200)
    public String name;

    @Column(name = "ship_line1", nullable = false, length = 200)
    public String line1;

    @Column(name = "ship_line2", length = 200)
    public String line2;

    @Column(name = "ship_city", nullable = false, length = 100)
    public String city;

    @Column(name = "ship_postal_code", nullable = false, length = 20)
    public String postalCode;

    @Column(name = "ship_country", nullable = false, length = 2)
    public String country;

    public static Address of(String name, String line1, String line2, String city, String postalCode, String country) {
        Address a = new Address();
        a.name = name;
        a.line1 = line1;
        a.line2 = line2;
        a.city = city;
        a.postalCode = postalCode;
        a.country = country;
        return a;
    }
}
