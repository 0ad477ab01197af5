package dev.storefront.order.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * The part of cart-service's cart a checkout needs. cart-service owns the shape; fields this service does not use are
 * ignored so it may add more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CartView(UUID id, List<Line> lines) {
    public List<Line> lines() {
        return lines == null ? List.of() : lines;
    }

    /** @param unitPrice the unit price the cart shows the shopper, minor units */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(String sku, String name, int quantity, long unitPrice, String currency) {}
}
