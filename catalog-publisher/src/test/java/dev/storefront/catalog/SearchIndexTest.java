package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.head;
import static dev.storefront.catalog.BucketSnapshot.text;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.catalog.publish.SearchText;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The static search index in the bucket: it finds products by name, category and attribute, whatever the case, the
 * accents and one typo; and a product change rewrites only the shards of the terms it gained or lost, plus its
 * document and fact shards, exactly as a full publish would write them.
 */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class SearchIndexTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void findsTheSampleByNameCategoryAndAttributeWithoutCaseOrAccents() {
        List<Map<String, Object>> active = PublishedListing.activeProducts();
        assertEquals(
                skus(active, p -> ((String) p.get("name")).contains("Teapot")),
                PublishedSearch.find("TEAPÔT"),
                "by name");
        assertEquals(
                skus(active, p -> ((String) p.get("name")).contains("Cast Iron Pan")),
                PublishedSearch.find("cast iron pan"),
                "every word must match");
        assertEquals(
                skus(active, p -> "kitchen".equals(p.get("category"))), PublishedSearch.find("Kitchen"), "by category");
        Set<String> olive = PublishedSearch.find("olive");
        assertFalse(olive.isEmpty());
        for (String sku : olive) {
            Map<String, Object> document =
                    JsonPath.from(text("catalog/products/" + sku + ".json")).getMap("");
            assertTrue(
                    document.get("name").toString().contains("Olive")
                            || ((Map<?, ?>) document.get("attributes")).containsValue("olive"),
                    sku + " is olive");
        }
    }

    @Test
    void oneTypoInAWordOfFiveLettersOrMoreStillFinds() {
        Set<String> teapots = PublishedSearch.find("teapot");
        assertFalse(teapots.isEmpty());
        assertEquals(teapots, PublishedSearch.find("teapto"), "two letters swapped");
        assertEquals(teapots, PublishedSearch.find("eapot"), "the first letter missing");
        assertEquals(teapots, PublishedSearch.find("reapot"), "the first letter wrong");
        assertEquals(teapots, PublishedSearch.find("teappot"), "a letter too many");
        assertTrue(PublishedSearch.find("tpot").isEmpty(), "no typos below five letters");
    }

    @Test
    void onlyActiveProductsAreIndexedEachWithItsPriceAndCategory() {
        List<Map<String, Object>> active = PublishedListing.activeProducts();
        Map<String, Object> first = active.get(0);
        Long id = PublishedSearch.idOf((String) first.get("sku"), (String) first.get("name"));
        assertNotNull(id, "an active product is in the index");
        Map<String, Object> doc = PublishedSearch.doc(id);
        assertEquals(first.get("name"), doc.get("name"));
        assertEquals(first.get("url"), doc.get("url"));
        assertEquals(((Number) first.get("price")).longValue(), ((Number) doc.get("price")).longValue());
        JsonPath facts = JsonPath.from(text("search/v1/facts/" + id / 1024 + ".json"));
        int at = (int) (id - facts.getLong("from"));
        assertEquals(((Number) first.get("price")).longValue(), facts.getLong("price[" + at + "]"));
        assertEquals(first.get("category"), facts.getList("categories").get(facts.getInt("category[" + at + "]")));

        Map<String, Object> product = Products.create(Products.valid("toys", "Test Whirligig"));
        assertEquals(Set.of(product.get("sku")), PublishedSearch.find("whirligig"));
        product.put("active", false);
        Products.update(product);
        assertTrue(PublishedSearch.find("whirligig").isEmpty(), "a deactivated product leaves the index");
        assertFalse(exists("search/v1/terms/p/wh.json")
                && text("search/v1/terms/p/wh.json").contains("whirligig"));
        var searchHead = head("search/v1/terms/p/te.json");
        assertEquals("application/json", searchHead.contentType());
        assertTrue(searchHead.cacheControl().startsWith("public, max-age=60"));
    }

    @Test
    void theSearchPageListsEveryFactShardAsAProductStartsOrEmptiesOne() throws SQLException {
        assertEquals(factShardsInTheBucket(), factShardsOnTheSearchPage(), "after the full publish");

        // The next product is the first of a fact shard of its own; deleting it empties that shard again.
        long shard;
        try (Connection db = dataSource.getConnection();
                Statement sql = db.createStatement()) {
            ResultSet max = sql.executeQuery("SELECT max(search_id) FROM product");
            max.next();
            shard = max.getLong(1) / 1024 + 1;
            sql.execute("SELECT setval('product_search_id_seq', " + shard * 1024 + ", false)");
        }
        Map<String, Object> product = Products.create(Products.valid("garden", "Test Trowel"));
        String sku = (String) product.get("sku");
        assertEquals(Long.valueOf(shard * 1024), PublishedSearch.idOf(sku, "Trowel"));
        assertTrue(factShardsOnTheSearchPage().contains(shard), "the new shard is listed");
        assertEquals(factShardsInTheBucket(), factShardsOnTheSearchPage(), "after the first product of a shard");

        Products.delete(sku);
        assertFalse(factShardsOnTheSearchPage().contains(shard), "the emptied shard is no longer listed");
        assertEquals(factShardsInTheBucket(), factShardsOnTheSearchPage(), "after the last product of a shard");
    }

    @Test
    void aRenameRewritesOnlyTheShardsOfTheTermsItGainedOrLostAsAFullPublishWould() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Kettle"));
        String sku = (String) product.get("sku");
        Long id = PublishedSearch.idOf(sku, "Kettle");
        assertNotNull(id);
        BucketSnapshot before = BucketSnapshot.of();

        product.put("name", "Test Samovar");
        Products.update(product);

        Set<String> search = BucketSnapshot.of().changedSince(before).stream()
                .filter(k -> k.startsWith("search/"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        for (String term : List.of("kettle", "samovar")) {
            SearchText.shardsOf(term).forEach(shard -> expected.add("search/v1/terms/" + shard + ".json"));
        }
        expected.add("search/v1/docs/" + id / 16 + ".json"); // its name; its price and category (facts) are as before
        assertEquals(expected, search, "only the shards of kettle (lost), samovar (gained) and its document");
        assertEquals(Set.of(sku), PublishedSearch.find("samovar"));
        assertFalse(PublishedSearch.find("kettle").contains(sku));
        assertEquals("Test Samovar", PublishedSearch.doc(id).get("name"));

        given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .post("/api/catalog/publish")
                .then()
                .statusCode(200)
                .body("succeeded", equalTo(true))
                .body("written", equalTo(0)); // the change wrote what a full publish writes
    }

    @Test
    void aDeletedProductLeavesTheIndex() {
        Map<String, Object> product = Products.create(Products.valid("garden", "Test Dibber"));
        String sku = (String) product.get("sku");
        Long id = PublishedSearch.idOf(sku, "Dibber");
        assertNotNull(id);
        Products.delete(sku);

        assertTrue(PublishedSearch.find("dibber").isEmpty());
        assertNull(PublishedSearch.doc(id), "its document is gone");
        assertFalse(exists("search/v1/terms/p/di.json")
                && text("search/v1/terms/p/di.json").contains("\"dibber\""));
    }

    private static List<Long> factShardsInTheBucket() {
        return BucketSnapshot.of().versions().keySet().stream()
                .filter(k -> k.startsWith("search/v1/facts/"))
                .map(k -> Long.valueOf(k.substring("search/v1/facts/".length(), k.length() - ".json".length())))
                .sorted()
                .toList();
    }

    /** The fact shards the search page lists for its script ({@code data-facts}). */
    private static List<Long> factShardsOnTheSearchPage() {
        var listed = java.util.regex.Pattern.compile("<form [^>]*id=\"search-form\"[^>]* data-facts=\"([0-9 ]*)\"")
                .matcher(text("search.html"));
        assertTrue(listed.find(), "the search page lists the fact shards");
        return java.util.Arrays.stream(listed.group(1).split(" "))
                .filter(n -> !n.isEmpty())
                .map(Long::valueOf)
                .toList();
    }

    private static Set<String> skus(
            List<Map<String, Object>> products, java.util.function.Predicate<Map<String, Object>> which) {
        return products.stream()
                .filter(which)
                .map(p -> (String) p.get("sku"))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
