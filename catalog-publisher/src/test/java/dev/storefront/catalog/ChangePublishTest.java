package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A product change republishes exactly the objects that show it, and nothing else. */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class ChangePublishTest {
    @Test
    void priceChangeRewritesOnlyItsPageDocumentCategoryPageListingSitemapAndSearchShards() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Kettle"));
        BucketSnapshot before = BucketSnapshot.of();

        product.put("price", 2499);
        Products.update(product);

        Set<String> changed = BucketSnapshot.of().changedSince(before);
        assertTrue(changed.contains(pageOf(product)), changed.toString());
        assertTrue(changed.contains(documentOf(product)), changed.toString());
        assertFalse(changed.contains("catalog/index.json"), "the root index does not list prices: " + changed);
        List<String> categoryPages =
                changed.stream().filter(k -> k.startsWith("categories/")).toList();
        assertEquals(1, categoryPages.size(), "only the category page listing it: " + changed);
        assertTrue(categoryPages.get(0).startsWith("categories/kitchen/"));
        List<String> listings =
                changed.stream().filter(k -> k.startsWith("catalog/listings/")).toList();
        assertEquals(List.of("catalog/listings/kitchen/1.json"), listings, "only the listing document listing it");
        assertTrue(changed.contains("sitemaps/categories/kitchen/1.xml"), "its last change: " + changed);
        List<String> search =
                changed.stream().filter(k -> k.startsWith("search/")).toList();
        assertEquals(2, search.size(), "its search document and fact shards, no term shard: " + changed);
        assertTrue(search.stream().anyMatch(k -> k.startsWith("search/v1/docs/")), changed.toString());
        assertTrue(search.stream().anyMatch(k -> k.startsWith("search/v1/facts/")), changed.toString());
        assertEquals(7, changed.size(), "nothing else changes: " + changed);
        assertEquals(7, lastPublish().getInt("written"), "unchanged objects are not rewritten");
        assertEquals(2499, JsonPath.from(text(documentOf(product))).getInt("price"));
        assertEquals(
                2499,
                JsonPath.from(text(listings.get(0)))
                        .getInt("products.find { it.sku == '" + product.get("sku") + "' }.price"));
    }

    @Test
    void priceChangeOnALaterPageRewritesThatPageAsAFullPublishWould() {
        String page2 = text("categories/shoes/page-2.html");
        Matcher card =
                Pattern.compile("<li class=\"card\" data-sku=\"([^\"]+)\">").matcher(page2);
        assertTrue(card.find(), "shoes has a second page");
        Map<String, Object> product = Products.get(card.group(1));
        BucketSnapshot before = BucketSnapshot.of();

        product.put("price", ((Number) product.get("price")).longValue() + 1);
        Products.update(product);

        Set<String> changed = BucketSnapshot.of().changedSince(before);
        assertTrue(changed.contains("categories/shoes/page-2.html"), changed.toString());
        assertEquals(
                1, changed.stream().filter(k -> k.startsWith("categories/")).count(), "only page 2: " + changed);
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .post("/api/catalog/publish")
                .then()
                .statusCode(200)
                .body("succeeded", equalTo(true))
                .body("written", equalTo(0));
    }

    @Test
    void newProductEntersTheIndexCountAndItsCategoryListing() {
        int before = PublishedListing.index().getInt("count");
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Toaster"));

        assertEquals(before + 1, PublishedListing.index().getInt("count"));
        assertTrue(PublishedListing.lists(product.get("sku")));
    }

    @Test
    void deletedProductDisappearsWithEveryLinkToIt() {
        Map<String, Object> product = Products.create(Products.valid("garden", "Test Rake"));
        assertTrue(categoryPagesText("garden").contains(linkTo(product)));
        String sku = (String) product.get("sku");

        Products.delete(sku);

        assertFalse(exists(pageOf(product)));
        assertFalse(exists(documentOf(product)));
        assertFalse(exists("images/products/" + sku + ".svg"));
        assertFalse(categoryPagesText("garden").contains(linkTo(product)));
        assertFalse(PublishedListing.lists(sku));
        assertFalse(text("sitemaps/categories/garden/1.xml").contains(pageOf(product)));
        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/products/" + sku)
                .then()
                .statusCode(404);
    }

    @Test
    void deactivatedProductKeepsItsDocumentButLeavesTheListings() {
        Map<String, Object> product = Products.create(Products.valid("toys", "Test Yo-yo"));
        product.put("active", false);
        Products.update(product);

        JsonPath document = JsonPath.from(text(documentOf(product)));
        assertFalse(document.getBoolean("active"));
        assertFalse(PublishedListing.lists(product.get("sku")));
        assertFalse(categoryPagesText("toys").contains(linkTo(product)));
        assertTrue(text(pageOf(product)).contains("No longer available"));
    }

    @Test
    void slugChangeMovesThePageAndItsLinks() {
        Map<String, Object> product = Products.create(Products.valid("audio", "Test Radio"));
        String oldPage = pageOf(product);
        String oldLink = linkTo(product);
        product.put("slug", product.get("slug") + "-renamed");
        Products.update(product);

        assertFalse(exists(oldPage));
        assertTrue(exists(pageOf(product)));
        String listing = categoryPagesText("audio");
        assertFalse(listing.contains(oldLink));
        assertTrue(listing.contains(linkTo(product)));
    }

    private String categoryPagesText(String category) {
        return TestBucket.client()
                .listObjectsV2(r -> r.bucket(TestBucket.name()).prefix("categories/" + category + "/"))
                .contents()
                .stream()
                .map(o -> text(o.key()))
                .collect(Collectors.joining("\n"));
    }

    /** The admin API's record of the last publish. */
    static JsonPath lastPublish() {
        return given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/publish/last")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static String pageOf(Map<String, Object> product) {
        return "products/" + product.get("slug") + ".html";
    }

    static String linkTo(Map<String, Object> product) {
        return "href=\"/" + pageOf(product) + "\"";
    }

    static String documentOf(Map<String, Object> product) {
        return "catalog/products/" + product.get("sku") + ".json";
    }
}
