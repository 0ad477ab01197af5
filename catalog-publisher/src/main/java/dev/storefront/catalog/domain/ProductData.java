package dev.storefront.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of a product: what the publisher renders, detached from any persistence context.
 * {@code stockStatus} is the admin's; {@code soldOut} is order-service's word that none is left to sell, which wins
 * over it ({@link #publishedStockStatus()}).
 */
public record ProductData(
        String sku,
        String slug,
        String name,
        String description,
        long price,
        String currency,
        String category,
        List<String> images,
        Map<String, String> attributes,
        boolean active,
        StockStatus stockStatus,
        boolean soldOut,
        Instant updatedAt) {

    /** The status shoppers and readers of the bucket see: out of stock while sold out, else the admin's. */
    public StockStatus publishedStockStatus() {
        return soldOut ? StockStatus.OUT_OF_STOCK : stockStatus;
    }

    /** The key of the image generated for every product from its own data. */
    public static String generatedImageKey(String sku) {
        return "images/products/" + sku + ".svg";
    }

    /** The main image: the first listed one, else the generated one. */
    public String image() {
        return images.isEmpty() ? generatedImageKey(sku) : images.get(0);
    }
}
