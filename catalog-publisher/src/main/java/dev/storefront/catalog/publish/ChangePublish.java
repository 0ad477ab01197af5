package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.Bucket;
import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.domain.CatalogReader;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ProductChange;
import dev.storefront.catalog.domain.ProductData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Republishes what one product change affects: the product's page, JSON and image; where it is listed, and its
 * category's sitemap; and the home page, catalog index and sitemap index only when the product entered or left a
 * category. A product that keeps its place in its category's order (a price, stock or description change) is
 * re-listed in place: one category page, one listing document and one part of the category's sitemap
 * ({@link ListingPlace}), whatever the catalog's size. A product inactive before and after is listed nowhere, so nothing is re-listed (e.g. order-service marking it
 * sold out). The search index gets the term shards of the terms the product gained or lost, and its document and fact
 * shards ({@link SearchPublish}). Any other change re-lists its old and new category in full. Objects that render to the same bytes as before
 * are not rewritten. Same order as a full publish: linked pages, linking pages, deletions.
 */
@ApplicationScoped
class ChangePublish {
    private final CatalogReader reader;
    private final SiteRenderer renderer;
    private final CatalogListings listings;
    private final Sitemaps sitemaps;
    private final ListingPlace place;
    private final Uploads uploads;
    private final Bucket bucket;
    private final SearchPublish search;

    ChangePublish(
            CatalogReader reader,
            SiteRenderer renderer,
            CatalogListings listings,
            Sitemaps sitemaps,
            ListingPlace place,
            Uploads uploads,
            Bucket bucket,
            SearchPublish search) {
        this.reader = reader;
        this.renderer = renderer;
        this.listings = listings;
        this.sitemaps = sitemaps;
        this.place = place;
        this.uploads = uploads;
        this.bucket = bucket;
        this.search = search;
    }

    void run(ProductChange change, Tally tally) {
        SiteRenderer.Site site = renderer.site(reader.categories());
        List<Supplier<BucketObject>> leaves =
                change.after().map(p -> renderer.productObjects(site, p)).orElse(List.of());
        uploads.write(leaves, bucket::etag, tally, Progress.silent());

        // A category listed in full is listed in the bucket too: that tells which of its pages are left over.
        Map<String, String> relistedEtags = new HashMap<>();
        List<BucketObject> lists = new ArrayList<>();
        if (keepsItsPlace(change)) {
            ProductData product = change.after().orElseThrow();
            lists.addAll(place.objectsAround(site, site.categories().get(product.category()), product));
        } else if (listedBeforeOrAfter(change)) {
            for (String slug : categories(change)) {
                relistedEtags.putAll(bucket.etags(SiteKeys.categoryPrefix(slug)));
                relistedEtags.putAll(bucket.etags(SiteKeys.listingPrefix(slug)));
                relistedEtags.putAll(bucket.etags(SiteKeys.categorySitemapPrefix(slug)));
                lists.addAll(relist(site, slug));
            }
        }
        lists.addAll(sharedLists(site, change));
        SearchPublish.Update searched = search.change(site, change);
        lists.addAll(searched.writes());
        searched.factShards().ifPresent(shards -> lists.add(renderer.searchPage(site, shards)));
        uploads.write(
                FullPublish.constant(lists),
                key -> relisted(key, change) ? Optional.ofNullable(relistedEtags.get(key)) : bucket.etag(key),
                tally,
                Progress.silent());

        List<String> stale = new ArrayList<>(removedKeys(change));
        stale.addAll(searched.deletes());
        relistedEtags.keySet().stream().filter(k -> !tally.produced.contains(k)).forEach(stale::add);
        uploads.delete(stale, tally);
    }

    /** Every page, listing document and sitemap part of a category (none when it no longer exists). */
    private List<BucketObject> relist(SiteRenderer.Site site, String slug) {
        CategoryData category = site.categories().get(slug);
        if (category == null) {
            return List.of();
        }
        List<ProductData> active = Listing.sorted(reader.activeIn(slug), Listing.CATEGORY_ORDER);
        List<BucketObject> objects = new ArrayList<>(renderer.categoryPages(site, category, active));
        objects.addAll(listings.documents(category, active));
        objects.addAll(
                sitemaps.category(category, active.stream().map(Listing::keys).toList()));
        return objects;
    }

    private boolean relisted(String key, ProductChange change) {
        return !keepsItsPlace(change)
                && categories(change).stream()
                        .anyMatch(slug -> key.startsWith(SiteKeys.categoryPrefix(slug))
                                || key.startsWith(SiteKeys.listingPrefix(slug))
                                || key.startsWith(SiteKeys.categorySitemapPrefix(slug)));
    }

    /**
     * Whether the product stays listed where it was: active before and after, in the same category, under the same
     * name (the listing's order is name, then sku).
     */
    static boolean keepsItsPlace(ProductChange change) {
        Optional<ProductData> before = change.before().filter(ProductData::active);
        Optional<ProductData> after = change.after().filter(ProductData::active);
        return before.isPresent()
                && after.isPresent()
                && before.get().category().equals(after.get().category())
                && before.get().name().equals(after.get().name());
    }

    /** Whether the product is in a listing before or after: an inactive product's change re-lists nothing. */
    private static boolean listedBeforeOrAfter(ProductChange change) {
        return Stream.of(change.before(), change.after())
                .flatMap(Optional::stream)
                .anyMatch(ProductData::active);
    }

    private List<BucketObject> sharedLists(SiteRenderer.Site site, ProductChange change) {
        List<BucketObject> lists = new ArrayList<>();
        boolean placementChanged = changed(change, ProductData::category);
        if (placementChanged) {
            Map<String, Long> counts = reader.activeCounts();
            lists.add(listings.index(site, counts));
            lists.add(renderer.home(site, counts));
            lists.add(sitemaps.index(site, counts));
        }
        return lists;
    }

    /** Whether what an active product shows through {@code view} differs before and after (inactive shows nothing). */
    private static boolean changed(ProductChange change, Function<ProductData, Object> view) {
        return !shown(change.before(), view).equals(shown(change.after(), view));
    }

    private static Optional<Object> shown(Optional<ProductData> product, Function<ProductData, Object> view) {
        return product.filter(ProductData::active).map(view);
    }

    private static Set<String> categories(ProductChange change) {
        Set<String> slugs = new LinkedHashSet<>();
        Stream.of(change.before(), change.after()).flatMap(Optional::stream).forEach(p -> slugs.add(p.category()));
        return slugs;
    }

    /** Keys of the product that no longer exist: all of a deleted product's, the old page of a renamed slug. */
    private static List<String> removedKeys(ProductChange change) {
        List<String> removed = new ArrayList<>();
        ProductData before = change.before().orElse(null);
        if (before == null) {
            return removed;
        }
        Optional<ProductData> after = change.after();
        if (after.isEmpty() || !after.get().slug().equals(before.slug())) {
            removed.add(SiteKeys.productPage(before.slug()));
        }
        if (after.isEmpty()) {
            removed.add(SiteKeys.productJson(before.sku()));
            removed.add(ProductData.generatedImageKey(before.sku()));
        }
        return removed;
    }
}
