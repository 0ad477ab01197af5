package dev.storefront.catalog.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ProductData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Renders catalog snapshots into bucket objects. Output depends only on its input (no timestamps), so an unchanged
 * product renders to identical bytes and its object is not rewritten.
 */
@ApplicationScoped
public class SiteRenderer {
    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json";
    static final String SHORT = "public, max-age=60, stale-while-revalidate=300";
    static final String IMAGE_CACHE = "public, max-age=3600";

    private final Assets assets;
    private final ObjectMapper json;
    private final CatalogConfig.Publish config;

    public SiteRenderer(Assets assets, ObjectMapper json, CatalogConfig config) {
        this.assets = assets;
        this.json = json;
        this.config = config.publish();
    }

    /** What every page needs to know about the whole site. */
    public record Site(Views.Chrome chrome, Map<String, CategoryData> categories) {}

    public Site site(List<CategoryData> categories) {
        List<Views.Link> nav = categories.stream()
                .map(c -> new Views.Link(SiteKeys.url(SiteKeys.categoryPage(c.slug(), 1)), c.name()))
                .toList();
        Map<String, CategoryData> bySlug = new java.util.LinkedHashMap<>();
        categories.forEach(c -> bySlug.put(c.slug(), c));
        return new Site(new Views.Chrome(assets.links(), nav, origin()), bySlug);
    }

    public List<BucketObject> fixedObjects(Site site) {
        List<BucketObject> objects = new ArrayList<>(assets.objects());
        objects.add(html(SiteKeys.NOT_FOUND, SiteTemplates.notFound(site.chrome())));
        objects.addAll(shopperPages(site));
        return objects;
    }

    /**
     * The search page, a shell that {@code search.js} fills from the index. It lists the index's fact shards
     * ({@code data-facts}), so that a price sort or a category filter fetches them alongside the term shards.
     */
    public BucketObject searchPage(Site site, List<Long> factShards) {
        return html(
                SiteKeys.SEARCH,
                SiteTemplates.search(
                        site.chrome(),
                        List.copyOf(site.categories().values()),
                        factShards.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "))));
    }

    /**
     * The shopper's pages (cart, sign-in, sign-up, checkout, order, account). They hold no shopper data: the scripts
     * fill them from the APIs in the browser, so the bucket stays public and cacheable.
     */
    public List<BucketObject> shopperPages(Site site) {
        Views.Chrome chrome = site.chrome();
        return List.of(
                html(SiteKeys.CART, SiteTemplates.cart(chrome)),
                html(SiteKeys.SIGN_IN, SiteTemplates.signIn(chrome)),
                html(SiteKeys.SIGN_UP, SiteTemplates.signUp(chrome)),
                html(SiteKeys.CHECKOUT, SiteTemplates.checkout(chrome)),
                html(SiteKeys.ORDER, SiteTemplates.order(chrome)),
                html(SiteKeys.ACCOUNT, SiteTemplates.account(chrome)));
    }

    /**
     * The objects of one product, each rendered when it is called (on an upload thread): its JSON document, its page,
     * and the image generated from its data unless it names images of its own.
     */
    public List<Supplier<BucketObject>> productObjects(Site site, ProductData product) {
        List<Supplier<BucketObject>> objects = new ArrayList<>(3);
        objects.add(() -> json(SiteKeys.productJson(product.sku()), Documents.ProductDocument.of(product)));
        objects.add(() -> productPage(site, product));
        String generated = ProductData.generatedImageKey(product.sku());
        if (product.image().equals(generated)) {
            objects.add(() -> generatedImage(generated, product));
        }
        return objects;
    }

    private BucketObject productPage(Site site, ProductData product) {
        String key = SiteKeys.productPage(product.slug());
        String schema = ProductSchema.jsonLd(json, product, absolute(key), absolute(product.image()));
        return html(key, SiteTemplates.product(site.chrome(), view(site, product), schema));
    }

    private static BucketObject generatedImage(String key, ProductData product) {
        int hue = Math.floorMod((product.category() + product.sku()).hashCode(), 360);
        var image = new Views.Image(product.sku(), product.name(), Shopper.initials(product.name()), hue);
        return BucketObject.of(key, bytes(SiteTemplates.image(image)), "image/svg+xml", IMAGE_CACHE);
    }

    /** Every page of a category, listing its active products in order. */
    public List<BucketObject> categoryPages(Site site, CategoryData category, List<ProductData> active) {
        int size = config.pageSize();
        int pageCount = pageCount(active.size());
        List<BucketObject> pages = new ArrayList<>(pageCount);
        for (int page = 1; page <= pageCount; page++) {
            List<ProductData> listed = active.subList((page - 1) * size, Math.min(active.size(), page * size));
            pages.add(categoryPage(site, category, page, pageCount, listed));
        }
        return pages;
    }

    /** One page of a category of {@code pageCount} pages, listing {@code listed}. */
    public BucketObject categoryPage(
            Site site, CategoryData category, int page, int pageCount, List<ProductData> listed) {
        List<Views.Product> products = listed.stream().map(p -> view(site, p)).toList();
        var view = CategoryPages.view(category, page, pageCount, products);
        return html(SiteKeys.categoryPage(category.slug(), page), SiteTemplates.category(site.chrome(), view));
    }

    /** Products per category page. */
    public int pageSize() {
        return config.pageSize();
    }

    public int pageCount(long products) {
        return (int) Math.max(1, (products + config.pageSize() - 1) / config.pageSize());
    }

    public BucketObject home(Site site, Map<String, Long> activeCounts) {
        List<Views.CategoryCard> cards = site.categories().values().stream()
                .map(c -> new Views.CategoryCard(
                        c.name(),
                        SiteKeys.url(SiteKeys.categoryPage(c.slug(), 1)),
                        c.description(),
                        activeCounts.getOrDefault(c.slug(), 0L)))
                .toList();
        return html(SiteKeys.HOME, SiteTemplates.home(site.chrome(), cards));
    }

    /** The site's public origin, without a trailing slash. */
    public String origin() {
        String base = config.siteUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The absolute URL of an object: what search engines are given. */
    public String absolute(String key) {
        return origin() + SiteKeys.url(key);
    }

    private Views.Product view(Site site, ProductData p) {
        CategoryData category = site.categories().get(p.category());
        String categoryName = category == null ? p.category() : category.name();
        List<Views.Attribute> attributes = new java.util.TreeMap<>(p.attributes())
                .entrySet().stream()
                        .map(e -> new Views.Attribute(e.getKey(), e.getValue()))
                        .toList();
        return new Views.Product(
                p.sku(),
                p.name(),
                SiteKeys.url(SiteKeys.productPage(p.slug())),
                SiteKeys.url(p.image()),
                p.price(),
                p.currency(),
                Shopper.price(p.price(), p.currency()),
                Shopper.availability(p),
                Shopper.stockClass(p),
                Shopper.purchasable(p),
                p.active(),
                p.description(),
                new Views.Link(SiteKeys.url(SiteKeys.categoryPage(p.category(), 1)), categoryName),
                attributes);
    }

    private static BucketObject html(String key, TemplateInstance page) {
        return BucketObject.of(key, bytes(page), HTML, SHORT);
    }

    private BucketObject json(String key, Object document) {
        try {
            return BucketObject.of(key, json.writeValueAsBytes(document), JSON, SHORT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + key, e);
        }
    }

    private static byte[] bytes(TemplateInstance instance) {
        return instance.render().getBytes(StandardCharsets.UTF_8);
    }
}
