package dev.storefront.order.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** An entry of the shopper's address book in account-service; fields this service does not use are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SavedAddress(
        UUID id, String name, String line1, String line2, String city, String postalCode, String country) {}
