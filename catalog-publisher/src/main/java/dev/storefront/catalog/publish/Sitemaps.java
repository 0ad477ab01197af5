package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ListedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sitemap for search engines, split like the listing so that a change rewrites one small part: {@code sitemap.xml}
 * is an index naming {@code sitemaps/pages.xml} (the home page) and the parts of each category's sitemap
 * ({@code sitemaps/categories/<slug>/<n>.xml}). A part holds a fixed number of the category's pages (as many as a
 * listing document's products fill, 10 by default) and the pages of the products they list, so what a product change
 * rewrites does not grow with the category. A product page's {@code lastmod} is when the product last changed; a
 * category page's is the latest of the products it lists (a product leaving the page does not move it). The home page
 * gets none: nothing records when its category counts changed, and content stays free of timestamps.
 */
@ApplicationScoped
class Sitemaps {
    private static final String XML = "application/xml; charset=utf-8";

    private final SiteRenderer renderer;
    private final int pagesPerPart;

    Sitemaps(SiteRenderer renderer, CatalogConfig config) {
        this.renderer = renderer;
        this.pagesPerPart =
                Math.max(1, config.publish().listingSize() / config.publish().pageSize());
    }

    /** Products in one part of a category's sitemap. */
    int partSize() {
        return pagesPerPart * renderer.pageSize();
    }

    /** How many parts the sitemap of a category of {@code products} active products has (one at least). */
    int partCount(long products) {
        return (int) Math.max(1, (products + partSize() - 1) / partSize());
    }

    /** The sitemap index; it changes only with the categories and with the number of parts of their sitemaps. */
    BucketObject index(SiteRenderer.Site site, Map<String, Long> activeCounts) {
        List<String> sitemaps = new ArrayList<>();
        sitemaps.add(renderer.absolute(SiteKeys.PAGES_SITEMAP));
        site.categories().keySet().forEach(slug -> {
            int parts = partCount(activeCounts.getOrDefault(slug, 0L));
            for (int n = 1; n <= parts; n++) {
                sitemaps.add(renderer.absolute(SiteKeys.categorySitemap(slug, n)));
            }
        });
        return xml(SiteKeys.SITEMAP, SiteTemplates.sitemapIndex(sitemaps).render());
    }

    BucketObject pages() {
        var home = new Views.SitemapUrl(renderer.absolute(SiteKeys.HOME), null);
        return xml(SiteKeys.PAGES_SITEMAP, SiteTemplates.sitemap(List.of(home)).render());
    }

    /** Every part of a category's sitemap; {@code listed} are its active products in {@link Listing#CATEGORY_ORDER}. */
    List<BucketObject> category(CategoryData category, List<ListedProduct> listed) {
        List<BucketObject> parts = new ArrayList<>();
        int size = partSize();
        for (int n = 1; n <= partCount(listed.size()); n++) {
            parts.add(part(category, n, listed.subList((n - 1) * size, Math.min(listed.size(), n * size))));
        }
        return parts;
    }

    /**
     * The {@code n}th part of a category's sitemap; {@code listed} are the products of its pages, in
     * {@link Listing#CATEGORY_ORDER}.
     */
    BucketObject part(CategoryData category, int n, List<ListedProduct> listed) {
        List<Views.SitemapUrl> urls = new ArrayList<>();
        int size = renderer.pageSize();
        int firstPage = (n - 1) * pagesPerPart + 1;
        // A part after the first always lists products, so this is one page for an empty category's first part only.
        int pages = renderer.pageCount(listed.size());
        for (int i = 0; i < pages; i++) {
            List<ListedProduct> onPage = listed.subList(i * size, Math.min(listed.size(), (i + 1) * size));
            Instant latest = onPage.stream()
                    .map(ListedProduct::updatedAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            urls.add(url(SiteKeys.categoryPage(category.slug(), firstPage + i), latest));
        }
        listed.forEach(p -> urls.add(url(SiteKeys.productPage(p.slug()), p.updatedAt())));
        return xml(
                SiteKeys.categorySitemap(category.slug(), n),
                SiteTemplates.sitemap(urls).render());
    }

    private Views.SitemapUrl url(String key, Instant lastmod) {
        return new Views.SitemapUrl(
                renderer.absolute(key),
                lastmod == null ? null : lastmod.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static BucketObject xml(String key, String text) {
        return BucketObject.of(key, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), XML, SiteRenderer.SHORT);
    }
}
