package dev.storefront.catalog.publish;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.domain.StockStatus;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The JSON contract in the bucket, which cart-service and order-service read. Changing a field name breaks them. */
final class Documents {
    private Documents() {}

    /** {@code /catalog/products/<sku>.json}. A deactivated product keeps its document with active=false. */
    @JsonPropertyOrder(alphabetic = false)
    record ProductDocument(
            String sku,
            String slug,
            String name,
            String description,
            long price,
            String currency,
            boolean active,
            StockStatus stockStatus,
            String category,
            String image,
            List<String> images,
            SortedMap<String, String> attributes,
            String url) {

        static ProductDocument of(ProductData p) {
            return new ProductDocument(
                    p.sku(),
                    p.slug(),
                    p.name(),
                    p.description(),
                    p.price(),
                    p.currency(),
                    p.active(),
                    p.stockStatus(),
                    p.category(),
                    p.image(),
                    Documents.images(p),
                    new TreeMap<>(p.attributes()),
                    SiteKeys.url(SiteKeys.productPage(p.slug())));
        }
    }

    /** One line of {@code /catalog/index.json}. */
    record IndexEntry(
            String sku,
            String slug,
            String name,
            long price,
            String currency,
            String category,
            StockStatus stockStatus,
            String image,
            String url) {

        static IndexEntry of(ProductData p) {
            return new IndexEntry(
                    p.sku(),
                    p.slug(),
                    p.name(),
                    p.price(),
                    p.currency(),
                    p.category(),
                    p.stockStatus(),
                    p.image(),
                    SiteKeys.url(SiteKeys.productPage(p.slug())));
        }
    }

    /** {@code /catalog/index.json}: every active product, ordered by sku. */
    record CatalogIndex(int count, List<IndexEntry> products) {}

    static List<String> images(ProductData p) {
        return p.images().isEmpty() ? List.of(p.image()) : p.images();
    }
}
