package dev.storefront.catalog.publish;

import dev.storefront.catalog.domain.ListedProduct;
import dev.storefront.catalog.domain.ProductData;
import java.util.Comparator;
import java.util.List;

/**
 * The order products are listed in: name, then sku, each by Unicode code point. That is the order of PostgreSQL's
 * {@code "C"} collation on UTF-8 text, whatever the database's default collation, so a change can ask the database for
 * the few products around one ({@code CatalogReader.placeOf}, {@code listedBetween}) and a full publish, which sorts
 * here, lists them identically.
 */
final class Listing {
    /** Strings by code point (for text without characters beyond U+FFFF the same as {@link String#compareTo}). */
    static final Comparator<String> CODE_POINTS = Listing::compareCodePoints;

    static final Comparator<ProductData> CATEGORY_ORDER =
            Comparator.comparing(ProductData::name, CODE_POINTS).thenComparing(ProductData::sku, CODE_POINTS);
    /** {@link #CATEGORY_ORDER} for the listing keys of a product. */
    static final Comparator<ListedProduct> LISTED_ORDER =
            Comparator.comparing(ListedProduct::name, CODE_POINTS).thenComparing(ListedProduct::sku, CODE_POINTS);

    private Listing() {}

    /** What places an active product in its category's listing and in the sitemap. */
    static ListedProduct keys(ProductData p) {
        return new ListedProduct(p.sku(), p.name(), p.slug(), p.updatedAt());
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static List<ProductData> sorted(List<ProductData> products, Comparator<ProductData> order) {
        return products.stream().sorted(order).toList();
    }
}
