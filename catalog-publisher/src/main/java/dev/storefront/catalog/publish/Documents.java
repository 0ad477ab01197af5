package dev.storefront.catalog.publish;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.storefront.catalog.domain.ListingRow;
import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.domain.StockStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON contract in the bucket, which cart-service and order-service read. Changing a field name breaks them.
 *
 * <p>Written with a plain {@code ObjectMapper} call, not by the REST layer, so Quarkus does not register these records
 * for reflection by itself: without this, Jackson would find no accessors on them in a native executable.
 */
@RegisterForReflection(
        targets = {
            Documents.ProductDocument.class,
            Documents.IndexEntry.class,
            Documents.CatalogIndex.class,
            Documents.CategoryEntry.class,
            Documents.ListingDocument.class,
            StockStatus.class
        })
final class Documents {
    private Documents() {}

    /**
     * {@code /catalog/products/<sku>.json}. A deactivated product keeps its document with active=false. While order-service
     * says none is left ({@code soldOut}), {@code stockStatus} is {@code OUT_OF_STOCK} whatever the admin's status.
     */
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
            boolean soldOut,
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
                    p.publishedStockStatus(),
                    p.soldOut(),
                    p.category(),
                    p.image(),
                    Documents.images(p),
                    new TreeMap<>(p.attributes()),
                    SiteKeys.url(SiteKeys.productPage(p.slug())));
        }
    }

    /** One product of a listing document ({@code /catalog/listings/<category>/<n>.json}). */
    record IndexEntry(
            String sku,
            String slug,
            String name,
            long price,
            String currency,
            String category,
            StockStatus stockStatus,
            boolean soldOut,
            String image,
            String url) {

        static IndexEntry of(ProductData p) {
            return of(ListingRow.of(p));
        }

        /** The same entry from the listing's columns alone, as a product change re-lists it. */
        static IndexEntry of(ListingRow p) {
            return new IndexEntry(
                    p.sku(),
                    p.slug(),
                    p.name(),
                    p.price(),
                    p.currency(),
                    p.category(),
                    p.publishedStockStatus(),
                    p.soldOut(),
                    p.mainImage(),
                    SiteKeys.url(SiteKeys.productPage(p.slug())));
        }
    }

    /**
     * {@code /catalog/index.json}: how many active products there are, and per category the listing documents that
     * list them. It changes only when a product enters or leaves a category, not when a price changes.
     */
    record CatalogIndex(long count, List<CategoryEntry> categories) {}

    /** One category of the index: its active products are in {@code listings}, in the order of its pages. */
    record CategoryEntry(String slug, String name, long count, List<String> listings) {}

    /** {@code /catalog/listings/<category>/<n>.json}: up to {@code listing-size} active products, name order. */
    record ListingDocument(String category, int page, List<IndexEntry> products) {}

    static List<String> images(ProductData p) {
        return p.images().isEmpty() ? List.of(p.image()) : p.images();
    }
}
