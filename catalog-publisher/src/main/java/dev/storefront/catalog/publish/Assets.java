package dev.storefront.catalog.publish;

import dev.storefront.catalog.client.BucketObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The site's CSS and JavaScript, published under content-hashed names ({@code assets/site.3f2a9c1b7d.css}) so they
 * can be cached for a year: a changed file gets a new name, and the pages that link it change with it.
 *
 * <p>{@code shop.js} runs on every page (session, header, add to cart); {@code pages.js} only on the shopper's own
 * pages (cart, sign-in, sign-up, checkout, order, account), and {@code search.js} only on the search page, so a
 * product page stays light. Both are plain scripts
 * with no imports: an ES module import would name the unhashed file.
 */
@ApplicationScoped
public class Assets {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String JS = "text/javascript; charset=utf-8";

    private final BucketObject css;
    private final BucketObject shop;
    private final BucketObject pages;
    private final BucketObject search;

    public Assets() {
        this.css = load("site.css", "text/css; charset=utf-8");
        this.shop = load("shop.js", JS);
        this.pages = load("pages.js", JS);
        this.search = load("search.js", JS);
    }

    public List<BucketObject> objects() {
        return List.of(css, shop, pages, search);
    }

    /** The keys pages link to. */
    public Links links() {
        return new Links(css.key(), shop.key(), pages.key(), search.key());
    }

    /**
     * @param css the stylesheet of every page
     * @param js the script of every page
     * @param pagesJs the script of the shopper's pages that talk to the APIs beyond the cart
     * @param searchJs the script of the search page, which reads the static search index (no API)
     */
    public record Links(String css, String js, String pagesJs, String searchJs) {}

    private static BucketObject load(String file, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream("/site-assets/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing site asset " + file);
            }
            byte[] body = in.readAllBytes();
            String hash =
                    BucketObject.of(file, body, contentType, IMMUTABLE).md5().substring(0, 10);
            int dot = file.lastIndexOf('.');
            String key = "assets/" + file.substring(0, dot) + "." + hash + file.substring(dot);
            return BucketObject.of(key, body, contentType, IMMUTABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
