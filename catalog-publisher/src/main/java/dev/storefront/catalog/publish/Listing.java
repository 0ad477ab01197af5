package dev.storefront.catalog.publish;

import dev.storefront.catalog.domain.ListedProduct;
import dev.storefront.catalog.domain.ProductData;
import java.util.Comparator;
import java.util.List;

/**
 * The order products are listed in. Sorted here rather than by the database so that a full and an incremental publish
 * produce byte-identical pages whatever the database collation.
 */
final class Listing {
    static final Comparator<ProductData> CATEGORY_ORDER =
            Comparator.comparing(ProductData::name).thenComparing(ProductData::sku);
    /** {@link #CATEGORY_ORDER} for the listing keys of a product. */
    static final Comparator<ListedProduct> LISTED_ORDER =
            Comparator.comparing(ListedProduct::name).thenComparing(ListedProduct::sku);

    private Listing() {}

    /** What places an active product in its category's listing and in the sitemap. */
    static ListedProduct keys(ProductData p) {
        return new ListedProduct(p.sku(), p.name(), p.slug(), p.updatedAt());
    }

    static List<ProductData> sorted(List<ProductData> products, Comparator<ProductData> order) {
        return products.stream().sorted(order).toList();
    }
}
