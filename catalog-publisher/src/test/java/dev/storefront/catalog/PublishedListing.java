package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.text;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The published listing read the way its readers read it: {@code /catalog/index.json}, then every listing document it
 * names for each category.
 */
final class PublishedListing {
    private PublishedListing() {}

    static JsonPath index() {
        return JsonPath.from(text("catalog/index.json"));
    }

    /** Every active product the listing documents list, category by category in page order. */
    static List<Map<String, Object>> activeProducts() {
        List<Map<String, Object>> products = new ArrayList<>();
        for (Map<String, Object> category : index().<Map<String, Object>>getList("categories")) {
            @SuppressWarnings("unchecked")
            List<String> listings = (List<String>) category.get("listings");
            for (String url : listings) {
                products.addAll(JsonPath.from(text(url.substring(1))).getList("products"));
            }
        }
        return products;
    }

    static boolean lists(Object sku) {
        return activeProducts().stream().anyMatch(p -> p.get("sku").equals(sku));
    }
}
