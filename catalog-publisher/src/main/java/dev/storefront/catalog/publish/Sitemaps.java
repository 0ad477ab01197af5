package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ListedProduct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The sitemap for search engines, split like the listing so that a change rewrites one small part: {@code sitemap.xml}
 * is an index naming {@code sitemaps/pages.xml} (the home page) and one sitemap per category, which holds the
 * category's pages and its active products' pages. A product page's {@code lastmod} is when the product last changed;
 * a category page's is the latest of the products it lists (a product leaving the page does not move it). The home
 * page gets none: nothing records when its category counts changed, and content stays free of timestamps.
 */
@ApplicationScoped
class Sitemaps {
    private static final String XML = "application/xml; charset=utf-8";

    private final SiteRenderer renderer;

    Sitemaps(SiteRenderer renderer) {
        this.renderer = renderer;
    }

    /** The sitemap index; it changes only with the categories. */
    BucketObject index(SiteRenderer.Site site) {
        List<String> sitemaps = new ArrayList<>();
        sitemaps.add(renderer.absolute(SiteKeys.PAGES_SITEMAP));
        site.categories().keySet().forEach(slug -> sitemaps.add(renderer.absolute(SiteKeys.categorySitemap(slug))));
        return xml(SiteKeys.SITEMAP, SiteTemplates.sitemapIndex(sitemaps).render());
    }

    BucketObject pages() {
        var home = new Views.SitemapUrl(renderer.absolute(SiteKeys.HOME), null);
        return xml(SiteKeys.PAGES_SITEMAP, SiteTemplates.sitemap(List.of(home)).render());
    }

    /** A category's sitemap; {@code listed} are its active products in {@link Listing#CATEGORY_ORDER}. */
    BucketObject category(CategoryData category, List<ListedProduct> listed) {
        List<Views.SitemapUrl> urls = new ArrayList<>();
        int size = renderer.pageSize();
        int pageCount = renderer.pageCount(listed.size());
        for (int page = 1; page <= pageCount; page++) {
            List<ListedProduct> onPage = listed.subList((page - 1) * size, Math.min(listed.size(), page * size));
            Instant latest = onPage.stream()
                    .map(ListedProduct::updatedAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            urls.add(url(SiteKeys.categoryPage(category.slug(), page), latest));
        }
        listed.forEach(p -> urls.add(url(SiteKeys.productPage(p.slug()), p.updatedAt())));
        return xml(
                SiteKeys.categorySitemap(category.slug()),
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
