package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.text;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a search engine's crawler finds in the bucket: structured data, canonical URLs, paging and the sitemap. */
@QuarkusTest
@WithTestResource(
        value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "service", value = "catalog-publisher"))
@WithTestResource(PublisherTestResource.class)
@WithTestResource(JwtTestResource.class)
class CrawlerViewTest {
    private static final String SITE = "http://localhost:8080";

    @Test
    void productPageCarriesSchemaOrgProductAndItsCanonicalUrl() {
        Map<String, Object> product = Products.create(Products.valid("kitchen", "Test Teapot"));
        String page = ChangePublishTest.pageOf(product);
        String html = text(page);

        assertEquals(SITE + "/" + page, linkHref(html, "canonical"));
        JsonNode ld = jsonLd(html);
        assertEquals("https://schema.org", ld.path("@context").asText());
        assertEquals("Product", ld.path("@type").asText());
        assertEquals("Test Teapot", ld.path("name").asText());
        assertEquals(product.get("sku"), ld.path("sku").asText());
        assertEquals(
                SITE + "/images/products/" + product.get("sku") + ".svg",
                ld.path("image").asText());
        assertTrue(exists(ld.path("image").asText().substring(SITE.length() + 1)), "the image is published");
        assertEquals("Offer", ld.at("/offers/@type").asText());
        assertEquals("19.99", ld.at("/offers/price").asText());
        assertEquals("EUR", ld.at("/offers/priceCurrency").asText());
        assertEquals("https://schema.org/InStock", ld.at("/offers/availability").asText());
        assertEquals(SITE + "/" + page, ld.at("/offers/url").asText());

        product.put("stockStatus", "OUT_OF_STOCK");
        product.put("price", 2450);
        Products.update(product);
        JsonNode changed = jsonLd(text(page));
        assertEquals("24.50", changed.at("/offers/price").asText());
        assertEquals(
                "https://schema.org/OutOfStock",
                changed.at("/offers/availability").asText());
    }

    @Test
    void productTextCannotBreakOutOfTheStructuredData() {
        Map<String, Object> body = Products.valid("kitchen", "Test </script><b>Mug & Co");
        Map<String, Object> product = Products.create(body);
        String html = text(ChangePublishTest.pageOf(product));

        assertFalse(html.contains("</script><b>"), "the name is escaped everywhere");
        assertEquals("Test </script><b>Mug & Co", jsonLd(html).path("name").asText());
    }

    @Test
    void categoryPagesArePagedWithPrevNextAndCanonicalLinks() {
        String first = text("categories/shoes/index.html");
        String second = text("categories/shoes/page-2.html");
        assertEquals(SITE + "/categories/shoes/index.html", linkHref(first, "canonical"));
        assertEquals(SITE + "/categories/shoes/page-2.html", linkHref(first, "next"));
        assertEquals(null, linkHref(first, "prev"), "the first page has no previous page");
        assertEquals(SITE + "/categories/shoes/page-2.html", linkHref(second, "canonical"));
        assertEquals(SITE + "/categories/shoes/index.html", linkHref(second, "prev"));

        String slug = "test-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .oauth2(Products.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Test Small", "description", "One product", "position", 90))
                .when()
                .post("/api/catalog/categories")
                .then()
                .statusCode(201);
        Products.create(Products.valid(slug, "Test Lonely Lamp"));
        String only = text("categories/" + slug + "/index.html");
        assertTrue(only.contains("Test Lonely Lamp"));
        assertEquals(null, linkHref(only, "next"), "a category within one page is not paged");
        assertFalse(exists("categories/" + slug + "/page-2.html"));
    }

    @Test
    void sitemapGivesEveryPageWithItsLastChange() {
        String index = text("sitemap.xml");
        assertTrue(index.contains("<sitemapindex"), index);
        assertTrue(index.contains("<loc>" + SITE + "/sitemaps/categories/shoes/1.xml</loc>"), index);
        assertTrue(text("sitemaps/pages.xml").contains("<loc>" + SITE + "/index.html</loc>"));

        Map<String, Object> product = Products.create(Products.valid("garden", "Test Trowel"));
        String url = SITE + "/" + ChangePublishTest.pageOf(product);
        Instant created = lastmod(text("sitemaps/categories/garden/1.xml"), url);
        assertEquals(updatedAt(product).truncatedTo(ChronoUnit.MILLIS), created);
        assertTrue(lastmod(text("sitemaps/categories/garden/1.xml"), SITE + "/categories/garden/index.html") != null);

        product.put("price", 999);
        Products.update(product);
        Instant changed = lastmod(text("sitemaps/categories/garden/1.xml"), url);
        assertEquals(updatedAt(product).truncatedTo(ChronoUnit.MILLIS), changed);
        assertTrue(changed.isAfter(created), "a change shows in lastmod, also within the same second");
    }

    /** The {@code href} of the page's {@code <link rel="...">}, or null. */
    private static String linkHref(String html, String rel) {
        Matcher m =
                Pattern.compile("<link rel=\"" + rel + "\" href=\"([^\"]+)\">").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private static JsonNode jsonLd(String html) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "the page carries JSON-LD");
        try {
            return new ObjectMapper().readTree(m.group(1));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the JSON-LD is not JSON: " + m.group(1), e);
        }
    }

    /** The {@code <lastmod>} of {@code url} in a sitemap, or null. */
    private static Instant lastmod(String sitemap, String url) {
        Matcher m = Pattern.compile("<url><loc>" + Pattern.quote(url) + "</loc>(?:<lastmod>([^<]+)</lastmod>)?</url>")
                .matcher(sitemap);
        assertTrue(m.find(), url + " is in the sitemap");
        return m.group(1) == null ? null : Instant.parse(m.group(1));
    }

    private static Instant updatedAt(Map<String, Object> product) {
        return Instant.parse(given().auth()
                .oauth2(Products.ADMIN)
                .when()
                .get("/api/catalog/products/" + product.get("sku"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("updatedAt"));
    }
}
