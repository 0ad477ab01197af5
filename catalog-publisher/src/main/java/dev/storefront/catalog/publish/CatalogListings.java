package dev.storefront.catalog.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.catalog.domain.CatalogReader;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ListingRow;
import dev.storefront.catalog.domain.ProductData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The catalog's listing in JSON, split so that a change costs the same whatever the catalog's size: a small root
 * ({@code catalog/index.json}: counts and the listing documents of each category) and per category documents of
 * {@code listing-size} products each, in the order of the category's pages. A price change rewrites one listing
 * document; only a product entering or leaving a category (or moving in its order) touches the root and the
 * category's documents.
 */
@ApplicationScoped
class CatalogListings {
    private final ObjectMapper json;
    private final int size;

    CatalogListings(ObjectMapper json, CatalogConfig config) {
        this.json = json;
        this.size = config.publish().listingSize();
    }

    /** Products per listing document. */
    int size() {
        return size;
    }

    /** How many listing documents list {@code products} active products (none for an empty category). */
    int documentCount(long products) {
        return (int) ((products + size - 1) / size);
    }

    BucketObject index(SiteRenderer.Site site, Map<String, Long> activeCounts) {
        List<Documents.CategoryEntry> categories = new ArrayList<>();
        long total = 0;
        for (CategoryData c : site.categories().values()) {
            long count = activeCounts.getOrDefault(c.slug(), 0L);
            total += count;
            List<String> listings = IntStream.rangeClosed(1, documentCount(count))
                    .mapToObj(n -> SiteKeys.url(SiteKeys.listing(c.slug(), n)))
                    .toList();
            categories.add(new Documents.CategoryEntry(c.slug(), c.name(), count, listings));
        }
        return json(SiteKeys.CATALOG_INDEX, new Documents.CatalogIndex(total, categories));
    }

    /** Every listing document of a category; {@code active} in {@link Listing#CATEGORY_ORDER}. */
    List<BucketObject> documents(CategoryData category, List<ProductData> active) {
        List<BucketObject> documents = new ArrayList<>();
        for (int n = 1; n <= documentCount(active.size()); n++) {
            documents.add(document(category, n, active.subList((n - 1) * size, Math.min(active.size(), n * size))));
        }
        return documents;
    }

    /** The {@code n}th listing document of a category, listing {@code products}. */
    BucketObject document(CategoryData category, int n, List<ProductData> products) {
        return listing(
                category, n, products.stream().map(Documents.IndexEntry::of).toList());
    }

    /** The same document from the listing's columns ({@link CatalogReader#listedBetween}), as a product change writes it. */
    BucketObject documentOf(CategoryData category, int n, List<ListingRow> rows) {
        return listing(category, n, rows.stream().map(Documents.IndexEntry::of).toList());
    }

    private BucketObject listing(CategoryData category, int n, List<Documents.IndexEntry> entries) {
        return json(SiteKeys.listing(category.slug(), n), new Documents.ListingDocument(category.slug(), n, entries));
    }

    private BucketObject json(String key, Object document) {
        try {
            return BucketObject.of(key, json.writeValueAsBytes(document), SiteRenderer.JSON, SiteRenderer.SHORT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + key, e);
        }
    }
}
