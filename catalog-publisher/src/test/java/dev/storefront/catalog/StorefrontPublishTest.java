package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.head;
import static dev.storefront.catalog.BucketSnapshot.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The sample catalog is loaded and published on start; the bucket then holds a complete, linked storefront. */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class StorefrontPublishTest {
    private static final String ADMIN = TestTokens.admin(UUID.randomUUID());

    @Test
    void catalogIndexNamesTheListingsOfEveryCategory() {
        var head = head("catalog/index.json");
        assertEquals("application/json", head.contentType());
        assertTrue(head.cacheControl().contains("max-age=60"), head.cacheControl());

        JsonPath index = PublishedListing.index();
        List<Map<String, Object>> categories = index.getList("categories");
        assertTrue(categories.size() >= 5, "several categories");
        List<Map<String, Object>> products = PublishedListing.activeProducts();
        assertTrue(products.size() >= 200, "sample has at least 200 active products: " + products.size());
        assertEquals(products.size(), index.getInt("count"));
        for (Map<String, Object> category : categories) {
            long listed = products.stream()
                    .filter(p -> p.get("category").equals(category.get("slug")))
                    .count();
            assertEquals(((Number) category.get("count")).longValue(), listed, "count of " + category.get("slug"));
            for (Object url : (List<?>) category.get("listings")) {
                var listing = head(((String) url).substring(1));
                assertEquals("application/json", listing.contentType(), url + " is published");
            }
        }
        assertEquals(
                products.stream().map(p -> p.get("sku")).distinct().count(),
                products.size(),
                "each product is listed once");
        Map<String, Object> first = products.get(0);
        for (String field : List.of("sku", "slug", "name", "price", "currency", "category", "stockStatus", "url")) {
            assertTrue(first.containsKey(field), "listing entries carry " + field);
        }
    }

    @Test
    void productDocumentFollowsTheContract() {
        Map<String, Object> entry = anyActiveProduct();
        String key = "catalog/products/" + entry.get("sku") + ".json";
        assertEquals("application/json", head(key).contentType());
        JsonPath doc = JsonPath.from(text(key));
        assertEquals(entry.get("sku"), doc.getString("sku"));
        assertEquals(entry.get("slug"), doc.getString("slug"));
        assertTrue(doc.getInt("price") > 0);
        assertEquals("EUR", doc.getString("currency"));
        assertTrue(doc.getBoolean("active"));
        assertTrue(List.of("IN_STOCK", "LOW_STOCK", "OUT_OF_STOCK").contains(doc.getString("stockStatus")));
        assertEquals(entry.get("category"), doc.getString("category"));
        assertEquals("images/products/" + entry.get("sku") + ".svg", doc.getString("image"));
        var image = head(doc.getString("image"));
        assertEquals("image/svg+xml", image.contentType());
    }

    @Test
    void productPageShowsPriceAvailabilityAndTheCartHook() {
        Map<String, Object> entry = anyActiveProduct();
        String key = "products/" + entry.get("slug") + ".html";
        var head = head(key);
        assertEquals("text/html;charset=utf-8", head.contentType().replace(" ", ""));
        assertTrue(head.cacheControl().startsWith("public, max-age=60"), head.cacheControl());

        String html = text(key);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<h1>" + entry.get("name") + "</h1>"), html);
        assertTrue(html.contains("data-sku=\"" + entry.get("sku") + "\""));
        assertTrue(html.contains("<label for=\"quantity\">Quantity</label>"));
        assertTrue(html.contains("Add to cart"));
        assertTrue(html.contains("alt=\"" + entry.get("name") + "\""));
        long price = ((Number) entry.get("price")).longValue();
        assertTrue(html.contains(String.format("€%d.%02d", price / 100, price % 100)), "shows the price");
        assertTrue(html.matches("(?s).*(In stock|Only a few left|Out of stock).*"), "shows availability");
        assertTrue(html.contains("href=\"/categories/" + entry.get("category") + "/index.html\""));
        for (String link : linkedKeys(html)) {
            assertTrue(exists(link), key + " links to missing " + link);
        }
    }

    @Test
    void categoryPagesArePagedAndLinkOnlyToPublishedObjects() {
        String first = text("categories/shoes/index.html");
        assertTrue(first.contains("<h1>Shoes</h1>"));
        assertTrue(first.contains("href=\"/categories/shoes/page-2.html\""), "links the second page");
        String second = text("categories/shoes/page-2.html");
        assertTrue(second.contains("rel=\"prev\""));
        for (String page : List.of(first, second)) {
            for (String link : linkedKeys(page)) {
                assertTrue(exists(link), "links to missing " + link);
            }
        }
    }

    @Test
    void homeSitemapNotFoundAndHashedAssets() {
        String home = text("index.html");
        assertTrue(home.contains("href=\"/categories/kitchen/index.html\""));
        Matcher css =
                Pattern.compile("href=\"/(assets/site\\.[0-9a-f]{10}\\.css)\"").matcher(home);
        assertTrue(css.find(), "links a content-hashed stylesheet");
        var asset = head(css.group(1));
        assertEquals("text/css;charset=utf-8", asset.contentType().replace(" ", ""));
        assertEquals("public, max-age=31536000, immutable", asset.cacheControl());

        assertTrue(text("sitemap.xml").contains("<loc>http://localhost:8080/sitemaps/categories/shoes/1.xml</loc>"));
        assertTrue(head("sitemap.xml").contentType().startsWith("application/xml"));
        String sitemap = text("sitemaps/categories/shoes/1.xml");
        assertTrue(sitemap.contains("<url><loc>http://localhost:8080/categories/shoes/index.html</loc><lastmod>"));
        assertTrue(text("404.html").contains("<h1>Page not found</h1>"));
    }

    @Test
    void fullRepublishRewritesNothingUnchangedAndIsReported() {
        BucketSnapshot before = BucketSnapshot.of();
        given().auth()
                .oauth2(ADMIN)
                .when()
                .post("/api/catalog/publish")
                .then()
                .statusCode(200)
                .body("kind", equalTo("FULL"))
                .body("succeeded", equalTo(true))
                .body("unchanged", greaterThan(700));
        assertEquals(List.of(), List.copyOf(BucketSnapshot.of().changedSince(before)));
        given().auth()
                .oauth2(ADMIN)
                .when()
                .get("/api/catalog/publish/last")
                .then()
                .statusCode(200)
                .body("kind", equalTo("FULL"))
                .body("written", equalTo(0));
    }

    private Map<String, Object> anyActiveProduct() {
        List<Map<String, Object>> products = PublishedListing.activeProducts();
        return products.stream()
                .filter(p -> p.get("category").equals("shoes"))
                .findFirst()
                .orElseThrow();
    }

    /** Keys of the bucket a page links to: every href and src that starts with "/". */
    static List<String> linkedKeys(String html) {
        Matcher m = Pattern.compile("(?:href|src)=\"/([^\"]+)\"").matcher(html);
        List<String> keys = new java.util.ArrayList<>();
        while (m.find()) {
            if (!m.group(1).startsWith("api/")) {
                keys.add(m.group(1));
            }
        }
        assertFalse(keys.isEmpty());
        return keys;
    }
}
