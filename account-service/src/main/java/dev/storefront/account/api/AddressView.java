package dev.storefront.account.api;

import dev.storefront.account.domain.Address;
import java.util.UUID;

public record AddressView(
        UUID id, String name, String line1, String line2, String city, String postalCode, String country) {
    static AddressView of(Address a) {
        return new AddressView(a.id, a.name, a.line1, a.line2, a.city, a.postalCode, a.country);
    }
}
