package dev.storefront.catalog.publish;

import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.domain.StockStatus;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Catalog values as a shopper reads them. */
final class Shopper {
    private Shopper() {}

    /** {@code 1299 EUR} is "€12.99"; currencies without a symbol show their code ("12.99 CHF"). */
    static String price(long minorUnits, String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        String amount = amount(minorUnits, currencyCode);
        String symbol = currency.getSymbol(Locale.US);
        return symbol.equals(currencyCode) ? amount + " " + currencyCode : symbol + amount;
    }

    /** {@code 1299 EUR} is "12.99": the amount in major units, as schema.org's {@code Offer.price} wants it. */
    static String amount(long minorUnits, String currencyCode) {
        int digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        return BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }

    static String availability(ProductData product) {
        if (!product.active()) {
            return "No longer available";
        }
        if (product.soldOut()) {
            return "Sold out";
        }
        return switch (product.stockStatus()) {
            case IN_STOCK -> "In stock";
            case LOW_STOCK -> "Only a few left";
            case OUT_OF_STOCK -> "Out of stock";
        };
    }

    static String stockClass(ProductData product) {
        return product.active() ? product.publishedStockStatus().name().toLowerCase(Locale.ROOT) : "inactive";
    }

    static boolean purchasable(ProductData product) {
        return product.active() && product.publishedStockStatus() != StockStatus.OUT_OF_STOCK;
    }

    /** Up to two initials of the name, for the generated product image. */
    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)) && initials.length() < 2) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return initials.isEmpty() ? "?" : initials.toString();
    }
}
