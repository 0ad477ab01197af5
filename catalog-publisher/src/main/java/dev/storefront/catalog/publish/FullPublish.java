package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.Bucket;
import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.domain.CatalogReader;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ProductData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Rebuilds the whole site in three steps, so a shopper never follows a link to a missing page: first the pages and
 * documents that are linked to, then the pages and documents that link to them (categories, listings, home, index,
 * sitemap), and last the deletion of objects the catalog no longer produces.
 */
@ApplicationScoped
class FullPublish {
    private final CatalogReader reader;
    private final SiteRenderer renderer;
    private final Uploads uploads;
    private final CatalogListings listings;
    private final Sitemaps sitemaps;
    private final Bucket bucket;
    private final SearchPublish search;

    FullPublish(
            CatalogReader reader,
            SiteRenderer renderer,
            CatalogListings listings,
            Sitemaps sitemaps,
            Uploads uploads,
            Bucket bucket,
            SearchPublish search) {
        this.reader = reader;
        this.renderer = renderer;
        this.listings = listings;
        this.sitemaps = sitemaps;
        this.uploads = uploads;
        this.bucket = bucket;
        this.search = search;
    }

    void run(Tally tally) {
        Map<String, String> existing = bucket.etags("");
        SiteRenderer.Site site = renderer.site(reader.categories());
        List<ProductData> products = reader.allProducts();
        List<Supplier<BucketObject>> leaves = leaves(site, products);
        List<ProductData> active = products.stream().filter(ProductData::active).toList();
        List<BucketObject> lists = lists(site, active);
        List<BucketObject> index = search.all(site, active);
        lists.addAll(index);
        lists.add(renderer.searchPage(
                site,
                SearchIndex.factShards(index.stream().map(BucketObject::key).toList())));

        Progress progress = Progress.logging(leaves.size() + lists.size());
        uploads.write(leaves, key -> Optional.ofNullable(existing.get(key)), tally, progress);
        uploads.write(constant(lists), key -> Optional.ofNullable(existing.get(key)), tally, progress);

        List<String> stale = existing.keySet().stream()
                .filter(key -> SiteKeys.OWNED_PREFIXES.stream().anyMatch(key::startsWith))
                .filter(key -> !tally.produced.contains(key))
                .toList();
        uploads.delete(stale, tally);
    }

    private List<Supplier<BucketObject>> leaves(SiteRenderer.Site site, List<ProductData> products) {
        List<Supplier<BucketObject>> leaves = new ArrayList<>(products.size() * 3 + 3);
        leaves.addAll(constant(renderer.fixedObjects(site)));
        products.forEach(p -> leaves.addAll(renderer.productObjects(site, p)));
        return leaves;
    }

    private List<BucketObject> lists(SiteRenderer.Site site, List<ProductData> active) {
        Map<String, List<ProductData>> byCategory =
                active.stream().collect(Collectors.groupingBy(ProductData::category));
        Map<String, Long> counts = byCategory.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e ->
                (long) e.getValue().size()));
        List<BucketObject> lists = new ArrayList<>();
        for (CategoryData category : site.categories().values()) {
            List<ProductData> listed =
                    Listing.sorted(byCategory.getOrDefault(category.slug(), List.of()), Listing.CATEGORY_ORDER);
            lists.addAll(renderer.categoryPages(site, category, listed));
            lists.addAll(listings.documents(category, listed));
            lists.addAll(sitemaps.category(
                    category, listed.stream().map(Listing::keys).toList()));
        }
        lists.add(renderer.home(site, counts));
        lists.add(listings.index(site, counts));
        lists.add(sitemaps.pages());
        lists.add(sitemaps.index(site, counts));
        return lists;
    }

    static List<Supplier<BucketObject>> constant(List<BucketObject> objects) {
        return objects.stream().<Supplier<BucketObject>>map(o -> () -> o).toList();
    }
}
