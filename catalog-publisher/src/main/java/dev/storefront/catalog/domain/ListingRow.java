package dev.storefront.catalog.domain;

import java.time.Instant;

/**
 * One active product as its category's listing shows it: the listing keys ({@link ListedProduct}) and what a listing
 * document says of it, read as plain columns (no entity loaded, no description or attributes). {@code image} is the
 * first listed image, or null when it names none (then the generated one is shown).
 */
public record ListingRow(
        String sku,
        String slug,
        String name,
        long price,
        String currency,
        String category,
        StockStatus stockStatus,
        boolean soldOut,
        String image,
        Instant updatedAt) {

    /** The same of a whole product. */
    public static ListingRow of(ProductData p) {
        return new ListingRow(
                p.sku(),
                p.slug(),
                p.name(),
                p.price(),
                p.currency(),
                p.category(),
                p.stockStatus(),
                p.soldOut(),
                p.images().isEmpty() ? null : p.images().get(0),
                p.updatedAt());
    }

    public ListedProduct keys() {
        return new ListedProduct(sku, name, slug, updatedAt);
    }

    /** As {@link ProductData#publishedStockStatus()}. */
    public StockStatus publishedStockStatus() {
        return soldOut ? StockStatus.OUT_OF_STOCK : stockStatus;
    }

    /** As {@link ProductData#image()}. */
    public String mainImage() {
        return image == null ? ProductData.generatedImageKey(sku) : image;
    }
}
