package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.domain.CatalogReader;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ListedProduct;
import dev.storefront.catalog.domain.ProductData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-lists one product that kept its place in its category: only the category page and the listing document that
 * hold it. Its place comes from the category's listing keys (sku and name, no product loaded); then only the products
 * of that page and document are loaded and rendered. What it costs grows with neither the catalog nor the category,
 * except for the key query, which reads two short columns per product of the category.
 */
@ApplicationScoped
class ListingPlace {
    private final CatalogReader reader;
    private final SiteRenderer renderer;
    private final CatalogListings listings;
    private final Sitemaps sitemaps;

    ListingPlace(CatalogReader reader, SiteRenderer renderer, CatalogListings listings, Sitemaps sitemaps) {
        this.reader = reader;
        this.renderer = renderer;
        this.listings = listings;
        this.sitemaps = sitemaps;
    }

    /**
     * The category page and listing document listing {@code sku}, and the category's sitemap (it gives the product's
     * last change); none if it is no longer listed there.
     */
    List<BucketObject> objectsAround(SiteRenderer.Site site, CategoryData category, String sku) {
        List<ListedProduct> listed = reader.listedIn(category.slug()).stream()
                .sorted(Listing.LISTED_ORDER)
                .toList();
        int at = indexOf(listed, sku);
        if (at < 0) {
            return List.of(); // changed again meanwhile: that change publishes it
        }
        Range page = Range.around(at, renderer.pageSize(), listed.size());
        Range document = Range.around(at, listings.size(), listed.size());
        int from = Math.min(page.from(), document.from());
        int to = Math.max(page.to(), document.to());
        List<ProductData> products = load(listed.subList(from, to));
        if (products.size() != to - from) {
            return List.of(); // one of them was deleted meanwhile: that change re-lists the category
        }
        return List.of(
                renderer.categoryPage(
                        site,
                        category,
                        page.number(),
                        renderer.pageCount(listed.size()),
                        products.subList(page.from() - from, page.to() - from)),
                listings.document(
                        category, document.number(), products.subList(document.from() - from, document.to() - from)),
                sitemaps.category(category, listed));
    }

    /** The products of {@code keys} that still exist, in their order. */
    private List<ProductData> load(List<ListedProduct> keys) {
        Map<String, ProductData> bySku = reader
                .products(keys.stream().map(ListedProduct::sku).toList())
                .stream()
                .collect(Collectors.toMap(ProductData::sku, Function.identity()));
        return keys.stream()
                .map(k -> bySku.get(k.sku()))
                .filter(Objects::nonNull)
                .toList();
    }

    private static int indexOf(List<ListedProduct> listed, String sku) {
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    /** Positions {@code [from, to)} of the page (numbered from 1) of {@code size} that holds position {@code at}. */
    record Range(int number, int from, int to) {
        static Range around(int at, int size, int total) {
            int from = at / size * size;
            return new Range(at / size + 1, from, Math.min(total, from + size));
        }
    }
}
