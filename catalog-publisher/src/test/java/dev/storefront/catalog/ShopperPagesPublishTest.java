package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.head;
import static dev.storefront.catalog.BucketSnapshot.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shopper's pages (cart, sign-in, sign-up, checkout, order, account) are published with the site: static shells
 * on the shared layout, locked down by a strict Content-Security-Policy, with labelled fields and a place for errors.
 */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class ShopperPagesPublishTest {
    private static final List<String> SHOPPER_PAGES =
            List.of("cart.html", "sign-in.html", "sign-up.html", "checkout.html", "order.html", "account/index.html");
    private static final Pattern SHOP_JS = Pattern.compile("<script src=\"/(assets/shop\\.[0-9a-f]{10}\\.js)\" defer>");
    private static final Pattern PAGES_JS =
            Pattern.compile("<script src=\"/(assets/pages\\.[0-9a-f]{10}\\.js)\" defer>");

    @Test
    void everyShopperPageIsPublishedOnTheSharedLayout() {
        for (String key : SHOPPER_PAGES) {
            var head = head(key);
            assertEquals("text/html;charset=utf-8", head.contentType().replace(" ", ""), key);
            assertTrue(head.cacheControl().startsWith("public, max-age=60"), key + ": " + head.cacheControl());
            String html = page(key);
            assertTrue(html.startsWith("<!DOCTYPE html>"), key);
            assertTrue(html.contains("<nav aria-label=\"Categories\">"), key + " has the category navigation");
            assertTrue(html.contains("href=\"/cart.html\""), key + " links the cart");
            assertTrue(html.contains("<meta name=\"robots\" content=\"noindex\">"), key + " stays out of search");
            assertTrue(PAGES_JS.matcher(html).find(), key + " loads the hashed pages script");
            for (String link : StorefrontPublishTest.linkedKeys(html)) {
                assertTrue(exists(link), key + " links to missing " + link);
            }
        }
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndStyles() {
        List<String> keys = new ArrayList<>(SHOPPER_PAGES);
        keys.addAll(List.of("index.html", "404.html", "categories/shoes/index.html", productKey(), "search.html"));
        for (String key : keys) {
            String html = page(key);
            assertTrue(
                    html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self';"
                            + " script-src 'self'; style-src 'self';"),
                    key + " carries the strict CSP");
            assertFalse(
                    // a JSON-LD data block is never executed, so the CSP has nothing to allow for it
                    Pattern.compile("<script(?![^>]*\\ssrc=\"/assets/)(?! type=\"application/ld\\+json\">)")
                            .matcher(html)
                            .find(),
                    key + " has an inline or foreign script");
            assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), key + " has an inline handler");
            assertFalse(html.contains(" style="), key + " has an inline style");
            assertTrue(SHOP_JS.matcher(html).find(), key + " loads the hashed shop script");
            assertTrue(html.contains("role=\"alert\""), key + " has a place for errors");
            assertTrue(
                    html.contains(
                            "<form class=\"site-search\" role=\"search\" action=\"/search.html\" method=\"get\">"),
                    key + " has the search box");
        }
    }

    @Test
    void everyFieldHasALabel() {
        List<String> keys = new ArrayList<>(SHOPPER_PAGES);
        keys.add(productKey());
        keys.add("search.html");
        for (String key : keys) {
            String html = page(key);
            Matcher input = Pattern.compile("<input id=\"([^\"]+)\"").matcher(html);
            while (input.find()) {
                assertTrue(
                        html.contains("<label for=\"" + input.group(1) + "\">"),
                        key + ": field " + input.group(1) + " has no label");
            }
        }
        String signUp = page("sign-up.html");
        assertTrue(signUp.contains("autocomplete=\"new-password\""));
        assertTrue(signUp.contains("aria-describedby=\"password-hint\""));
        String account = page("account/index.html");
        assertTrue(account.contains("<legend>Add an address</legend>"), "the address form");
        assertTrue(page("checkout.html").contains("<legend>Shipping address</legend>"), "checkout asks for an address");
    }

    @Test
    void theAccountPageSignsOutAndChangesThePassword() {
        String account = page("account/index.html");
        assertTrue(account.contains("<button type=\"button\" class=\"secondary\" data-sign-out>Sign out</button>"));
        assertTrue(account.contains("<form class=\"stack\" id=\"password-form\">"), "the password form");
        assertTrue(account.contains("name=\"currentPassword\" type=\"password\" autocomplete=\"current-password\""));
        assertTrue(account.contains("name=\"newPassword\" type=\"password\" autocomplete=\"new-password\" required"
                + " minlength=\"8\" maxlength=\"128\" aria-describedby=\"new-password-hint\""));
        assertTrue(account.contains("<p class=\"hint\" id=\"new-password-hint\">"));
    }

    @Test
    void theSessionIsRenewedFromTheHttpOnlyCookieWhichNoScriptReads() {
        Matcher shop = SHOP_JS.matcher(page("index.html"));
        assertTrue(shop.find());
        String js = text(shop.group(1));
        assertTrue(js.contains("\"/api/accounts/session/refresh\""), "renews the access token");
        assertTrue(js.contains("fetch(\"/api/accounts/session\", {\n        method: \"DELETE\""), "signs out");
        assertTrue(js.contains("\"X-Requested-With\": \"storefront\""), "proves the request is the page's own");
        assertTrue(js.contains("navigator.locks"), "tabs take turns to rotate the shared cookie");
        assertFalse(js.contains("document.cookie"), "the refresh token is HttpOnly: no script touches cookies");
        assertFalse(js.contains("refreshToken"), "the refresh token is never in a body a script reads");
        Matcher pages = PAGES_JS.matcher(page("account/index.html"));
        assertTrue(pages.find());
        String pagesJs = text(pages.group(1));
        assertTrue(pagesJs.contains("\"/api/accounts/me/password\""), "changes the password");
        assertTrue(pagesJs.contains("S.session.signOut()"), "the sign-out button ends the session on the server");
    }

    @Test
    void productAndCategoryPagesAddToTheCartWithTheLightScriptOnly() {
        String product = page(productKey());
        assertTrue(product.contains("<form class=\"add-to-cart\" data-sku=\""));
        assertFalse(PAGES_JS.matcher(product).find(), "product pages do not load the pages script");

        String category = page("categories/shoes/index.html");
        Matcher forms = Pattern.compile("<form class=\"add-to-cart\" data-sku=\"[^\"]+\"")
                .matcher(category);
        int count = 0;
        while (forms.find()) {
            count++;
        }
        assertEquals(
                Pattern.compile("<li class=\"card\"")
                        .matcher(category)
                        .results()
                        .count(),
                count,
                "every card can be added to the cart");
        assertTrue(category.contains("aria-label=\"Add "), "each button names its product");
    }

    @Test
    void scriptsArePublishedHashedAndImmutable() {
        String html = page("cart.html");
        for (Pattern script : List.of(SHOP_JS, PAGES_JS)) {
            Matcher m = script.matcher(html);
            assertTrue(m.find());
            var asset = head(m.group(1));
            assertEquals("text/javascript;charset=utf-8", asset.contentType().replace(" ", ""));
            assertEquals("public, max-age=31536000, immutable", asset.cacheControl());
            String js = text(m.group(1));
            assertFalse(js.contains("innerHTML"), "shopper data is written as text, never as HTML");
            assertFalse(js.contains("eval("));
        }
    }

    private String page(String key) {
        return text(key);
    }

    private String productKey() {
        List<Map<String, Object>> products = PublishedListing.activeProducts();
        return "products/" + products.get(0).get("slug") + ".html";
    }
}
