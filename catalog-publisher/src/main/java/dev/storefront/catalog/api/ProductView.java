package dev.storefront.catalog.api;

import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.domain.StockStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A product as the admin API returns it. {@code image} is the key of its main image in the bucket; {@code stockStatus}
 * is the admin's own, {@code soldOut} order-service's (while true, shoppers see {@code OUT_OF_STOCK}).
 */
@Schema(name = "Product")
public record ProductView(
        String sku,
        String slug,
        String name,
        String description,
        long price,
        String currency,
        String category,
        String image,
        List<String> images,
        Map<String, String> attributes,
        boolean active,
        StockStatus stockStatus,
        boolean soldOut,
        Instant updatedAt) {

    static ProductView of(ProductData p) {
        return new ProductView(
                p.sku(),
                p.slug(),
                p.name(),
                p.description(),
                p.price(),
                p.currency(),
                p.category(),
                p.image(),
                p.images(),
                p.attributes(),
                p.active(),
                p.stockStatus(),
                p.soldOut(),
                p.updatedAt());
    }
}
