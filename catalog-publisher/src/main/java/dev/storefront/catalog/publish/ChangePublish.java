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
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Republishes what one product change affects: the product's page, JSON and image; the pages of its old and new
 * category; and the home page, catalog index and sitemap only when the change shows on them. Objects that render to
 * the same bytes as before are not rewritten. Same order as a full publish: linked pages, linking pages, deletions.
 */
@ApplicationScoped
class ChangePublish {
    private final CatalogReader reader;
    private final SiteRenderer renderer;
    private final Uploads uploads;
    private final Bucket bucket;

    ChangePublish(CatalogReader reader, SiteRenderer renderer, Uploads uploads, Bucket bucket) {
        this.reader = reader;
        this.renderer = renderer;
        this.uploads = uploads;
        this.bucket = bucket;
    }

    void run(ProductChange change, Tally tally) {
        SiteRenderer.Site site = renderer.site(reader.categories());
        List<Supplier<BucketObject>> leaves =
                change.after().map(p -> renderer.productObjects(site, p)).orElse(List.of());
        uploads.write(leaves, bucket::etag, tally, Progress.silent());

        // One listing per category tells both what its pages hold now and which pages are left over when it shrank.
        Map<String, String> categoryEtags = new HashMap<>();
        List<BucketObject> lists = new ArrayList<>();
        for (String slug : categories(change)) {
            categoryEtags.putAll(bucket.etags(SiteKeys.categoryPrefix(slug)));
            CategoryData category = site.categories().get(slug);
            if (category != null) {
                lists.addAll(renderer.categoryPages(
                        site, category, Listing.sorted(reader.activeIn(slug), Listing.CATEGORY_ORDER)));
            }
        }
        lists.addAll(sharedLists(site, change));
        uploads.write(
                FullPublish.constant(lists),
                key -> key.startsWith("categories/") ? Optional.ofNullable(categoryEtags.get(key)) : bucket.etag(key),
                tally,
                Progress.silent());

        List<String> stale = new ArrayList<>(removedKeys(change));
        categoryEtags.keySet().stream().filter(k -> !tally.produced.contains(k)).forEach(stale::add);
        uploads.delete(stale, tally);
    }

    private List<BucketObject> sharedLists(SiteRenderer.Site site, ProductChange change) {
        List<BucketObject> lists = new ArrayList<>();
        boolean placementChanged = changed(change, p -> p.category());
        if (placementChanged || changed(change, p -> p.slug())) {
            Map<String, Long> counts = reader.activeCounts();
            lists.add(renderer.home(site, counts));
            lists.add(renderer.sitemap(site, counts, reader.activeSlugs()));
        }
        if (changed(change, Documents.IndexEntry::of)) {
            lists.add(renderer.catalogIndex(Listing.sorted(reader.allActive(), Listing.INDEX_ORDER)));
        }
        return lists;
    }

    /** Whether what an active product shows through {@code view} differs before and after (inactive shows nothing). */
    private static boolean changed(ProductChange change, java.util.function.Function<ProductData, Object> view) {
        return !shown(change.before(), view).equals(shown(change.after(), view));
    }

    private static Optional<Object> shown(
            Optional<ProductData> product, java.util.function.Function<ProductData, Object> view) {
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
