package dev.storefront.catalog.publish;

import dev.storefront.catalog.domain.CategoryData;
import java.util.ArrayList;
import java.util.List;

/** The pagination of a category: its page links, previous and next. */
final class CategoryPages {
    private CategoryPages() {}

    static Views.CategoryPage view(CategoryData category, int page, int pageCount, List<Views.Product> products) {
        List<Views.PageLink> links = new ArrayList<>(pageCount);
        for (int n = 1; n <= pageCount; n++) {
            links.add(link(category, n, n == page));
        }
        return new Views.CategoryPage(
                SiteKeys.url(SiteKeys.categoryPage(category.slug(), page)),
                category.name(),
                category.description(),
                page,
                pageCount,
                products,
                links,
                page > 1 ? link(category, page - 1, false) : null,
                page < pageCount ? link(category, page + 1, false) : null);
    }

    private static Views.PageLink link(CategoryData category, int number, boolean current) {
        return new Views.PageLink(number, SiteKeys.url(SiteKeys.categoryPage(category.slug(), number)), current);
    }
}
