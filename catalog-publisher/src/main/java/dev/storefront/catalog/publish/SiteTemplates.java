package dev.storefront.catalog.publish;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The storefront's pages, under {@code templates/site/}; {@code templates/base.html} is their shared layout. */
@CheckedTemplate(basePath = "site")
final class SiteTemplates {
    private SiteTemplates() {}

    static native TemplateInstance home(Views.Chrome site, List<Views.CategoryCard> categories);

    static native TemplateInstance category(Views.Chrome site, Views.CategoryPage category);

    /** @param schema the product's schema.org JSON-LD, already escaped for a script data block */
    static native TemplateInstance product(Views.Chrome site, Views.Product product, String schema);

    static native TemplateInstance notFound(Views.Chrome site);

    static native TemplateInstance cart(Views.Chrome site);

    static native TemplateInstance signIn(Views.Chrome site);

    static native TemplateInstance signUp(Views.Chrome site);

    static native TemplateInstance checkout(Views.Chrome site);

    static native TemplateInstance order(Views.Chrome site);

    static native TemplateInstance account(Views.Chrome site);

    /** The search page: a static shell that {@code search.js} fills from the search index in the bucket. */
    static native TemplateInstance search(
            Views.Chrome site, List<dev.storefront.catalog.domain.CategoryData> categories, String factShards);

    static native TemplateInstance sitemap(List<Views.SitemapUrl> urls);

    static native TemplateInstance sitemapIndex(List<String> sitemaps);

    static native TemplateInstance image(Views.Image image);
}
