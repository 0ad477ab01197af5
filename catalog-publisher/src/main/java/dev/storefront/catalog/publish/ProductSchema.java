package dev.storefront.catalog.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.catalog.domain.ProductData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product page's schema.org {@code Product} in JSON-LD, for search engines: name, sku, description, image and one
 * {@code Offer} (price, currency, availability, URL). The JSON goes into a {@code <script type="application/ld+json">}
 * data block, which browsers never execute (so the strict CSP allows it); {@code <}, {@code >} and {@code &} are
 * written as JSON escapes, so no product text can close the block.
 */
final class ProductSchema {
    private ProductSchema() {}

    static String jsonLd(ObjectMapper json, ProductData p, String pageUrl, String imageUrl) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("@type", "Offer");
        offer.put("url", pageUrl);
        offer.put("price", Shopper.amount(p.price(), p.currency()));
        offer.put("priceCurrency", p.currency());
        offer.put("availability", availability(p));
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("@context", "https://schema.org");
        product.put("@type", "Product");
        product.put("name", p.name());
        product.put("sku", p.sku());
        product.put("description", p.description());
        product.put("image", imageUrl);
        product.put("url", pageUrl);
        product.put("offers", offer);
        try {
            return json.writeValueAsString(product)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the JSON-LD of " + p.sku(), e);
        }
    }

    /** The schema.org {@code ItemAvailability} of a product. */
    static String availability(ProductData p) {
        if (!p.active()) {
            return "https://schema.org/Discontinued";
        }
        return switch (p.publishedStockStatus()) {
            case IN_STOCK -> "https://schema.org/InStock";
            case LOW_STOCK -> "https://schema.org/LimitedAvailability";
            case OUT_OF_STOCK -> "https://schema.org/OutOfStock";
        };
    }
}
