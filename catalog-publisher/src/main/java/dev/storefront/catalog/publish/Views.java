package dev.storefront.catalog.publish;

import java.util.List;

/** What the Qute templates render: plain records, with text already formatted for shoppers. */
public final class Views {
    private Views() {}

    /**
     * The parts every page shares: stylesheet and script keys, category navigation, and the site's public origin
     * ({@code https://shop.example}, no trailing slash) for the absolute URLs search engines are given.
     */
    public record Chrome(Assets.Links assets, List<Link> nav, String origin) {}

    public record Link(String url, String name) {}

    public record Attribute(String name, String value) {}

    public record Product(
            String sku,
            String name,
            String url,
            String imageUrl,
            long price,
            String currency,
            String priceText,
            String availability,
            String stockClass,
            boolean purchasable,
            boolean active,
            String description,
            Link category,
            List<Attribute> attributes) {}

    public record PageLink(int number, String url, boolean current) {}

    public record CategoryPage(
            String url,
            String name,
            String description,
            int page,
            int pageCount,
            List<Product> products,
            List<PageLink> pages,
            PageLink previous,
            PageLink next) {}

    public record CategoryCard(String name, String url, String description, long count) {}

    public record Image(String sku, String title, String initials, int hue) {}

    /** One entry of a sitemap: an absolute URL and, when known, when its content last changed (W3C datetime). */
    public record SitemapUrl(String loc, String lastmod) {}
}
