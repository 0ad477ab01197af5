package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.domain.CatalogReader;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ListingRow;
import dev.storefront.catalog.domain.ProductData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-lists one product that kept its place in its category: only the category page, the listing document and the part
 * of the category's sitemap that hold it. Its place comes from the database (a count along the index of the listing's
 * order, no product loaded); then the listing's columns of the products of that document and sitemap part are read in
 * one query (no entity loaded), and only the products of the one category page are loaded whole. The three reads are
 * one transaction. What it writes and reads is bounded whatever the size of the catalog or the category; what grows is
 * the count, which steps over the category's index entries inside the database.
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
     * The category page, listing document and sitemap part listing {@code product} (the part gives its last change);
     * none if it is no longer listed there.
     */
    @Transactional
    List<BucketObject> objectsAround(SiteRenderer.Site site, CategoryData category, ProductData product) {
        CatalogReader.Place place = reader.placeOf(category.slug(), product.name(), product.sku());
        int at = (int) place.before();
        int total = (int) place.total();
        if (at >= total) {
            return List.of(); // changed again meanwhile: that change publishes it
        }
        Range page = Range.around(at, renderer.pageSize(), total);
        Range document = Range.around(at, listings.size(), total);
        Range part = Range.around(at, sitemaps.partSize(), total);
        int from = Math.min(part.from(), Math.min(page.from(), document.from()));
        int to = Math.max(part.to(), Math.max(page.to(), document.to()));
        List<ListingRow> listed = reader.listedBetween(category.slug(), from, to);
        if (listed.size() != to - from || !listed.get(at - from).sku().equals(product.sku())) {
            return List.of(); // the category changed meanwhile: that change re-lists it
        }
        List<ProductData> onPage = load(listed.subList(page.from() - from, page.to() - from));
        if (onPage.size() != page.to() - page.from()) {
            return List.of(); // one of them was deleted meanwhile: that change re-lists the category
        }
        return List.of(
                renderer.categoryPage(site, category, page.number(), renderer.pageCount(total), onPage),
                listings.documentOf(
                        category, document.number(), listed.subList(document.from() - from, document.to() - from)),
                sitemaps.part(
                        category,
                        part.number(),
                        listed.subList(part.from() - from, part.to() - from).stream()
                                .map(ListingRow::keys)
                                .toList()));
    }

    /** The products of {@code rows} that still exist, in their order. */
    private List<ProductData> load(List<ListingRow> rows) {
        Map<String, ProductData> bySku = reader
                .products(rows.stream().map(ListingRow::sku).toList())
                .stream()
                .collect(Collectors.toMap(ProductData::sku, Function.identity()));
        return rows.stream()
                .map(r -> bySku.get(r.sku()))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Positions {@code [from, to)} of the page (numbered from 1) of {@code size} that holds position {@code at}. */
    record Range(int number, int from, int to) {
        static Range around(int at, int size, int total) {
            int from = at / size * size;
            return new Range(at / size + 1, from, Math.min(total, from + size));
        }
    }
}
