package dev.storefront.catalog.publish;

/** Object keys of the published site. The bucket is served by key, so a link is "/" + key. */
public final class SiteKeys {
    public static final String HOME = "index.html";
    public static final String NOT_FOUND = "404.html";
    public static final String CATALOG_INDEX = "catalog/index.json";
    /** The sitemap index, naming {@link #PAGES_SITEMAP} and one sitemap per category. */
    public static final String SITEMAP = "sitemap.xml";
    /** The sitemap of the pages that belong to no category: the home page. */
    public static final String PAGES_SITEMAP = "sitemaps/pages.xml";

    // The shopper's pages: static shells that shop.js and pages.js fill from the APIs.
    public static final String CART = "cart.html";
    public static final String SIGN_IN = "sign-in.html";
    public static final String SIGN_UP = "sign-up.html";
    public static final String CHECKOUT = "checkout.html";
    /** One order, named by the query: {@code /order.html?id=<order id>}. */
    public static final String ORDER = "order.html";

    public static final String ACCOUNT = "account/index.html";
    /** Search results, named by the query: {@code /search.html?q=…&category=…&sort=price}. */
    public static final String SEARCH = "search.html";

    /** Prefixes this publisher owns: an object under them that the catalog no longer produces is deleted. */
    static final java.util.List<String> OWNED_PREFIXES = java.util.List.of(
            "products/",
            "catalog/products/",
            "catalog/listings/",
            "categories/",
            "images/products/",
            "sitemaps/categories/",
            "search/");

    private SiteKeys() {}

    public static String productPage(String slug) {
        return "products/" + slug + ".html";
    }

    public static String productJson(String sku) {
        return "catalog/products/" + sku + ".json";
    }

    public static String categoryPrefix(String slug) {
        return "categories/" + slug + "/";
    }

    /** Page 1 is the category's index; further pages are {@code page-2.html}, {@code page-3.html}, ... */
    public static String categoryPage(String slug, int page) {
        return categoryPrefix(slug) + (page == 1 ? "index.html" : "page-" + page + ".html");
    }

    public static String listingPrefix(String categorySlug) {
        return "catalog/listings/" + categorySlug + "/";
    }

    /** The {@code n}th (from 1) listing document of a category, listing its active products in page order. */
    public static String listing(String categorySlug, int n) {
        return listingPrefix(categorySlug) + n + ".json";
    }

    public static String categorySitemapPrefix(String categorySlug) {
        return "sitemaps/categories/" + categorySlug + "/";
    }

    /**
     * The {@code n}th (from 1) part of a category's sitemap: a fixed number of its pages and the pages of the products
     * they list.
     */
    public static String categorySitemap(String categorySlug, int n) {
        return categorySitemapPrefix(categorySlug) + n + ".xml";
    }

    public static String url(String key) {
        return "/" + key;
    }
}
