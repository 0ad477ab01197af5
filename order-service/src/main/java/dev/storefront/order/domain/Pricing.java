package dev.storefront.order.domain;

import dev.storefront.order.client.CartView;
import dev.storefront.order.client.CatalogBucket;
import dev.storefront.order.client.CatalogProduct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices a cart from the published catalog. The cart says what to buy and which price the shopper saw; the price
 * charged is the catalog's, and when the two differ the order is refused rather than charged silently.
 */
@ApplicationScoped
public class Pricing {
    private final CatalogBucket catalog;

    public Pricing(CatalogBucket catalog) {
        this.catalog = catalog;
    }

    /** The cart's lines at catalog prices, all in one currency. */
    public record Priced(String currency, List<OrderLine> lines) {}

    public Priced price(CartView cart) {
        if (cart.lines().isEmpty()) {
            throw OrderRuleException.emptyCart(cart.id());
        }
        List<String> unavailable = new ArrayList<>();
        List<PriceChange> changes = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        Set<String> currencies = new TreeSet<>();
        for (CartView.Line line : cart.lines()) {
            Optional<CatalogProduct> product = catalog.product(line.sku()).filter(CatalogProduct::orderable);
            if (product.isEmpty() || line.quantity() < 1) {
                unavailable.add(line.sku());
                continue;
            }
            CatalogProduct p = product.get();
            if (p.price() != line.unitPrice() || !p.currency().equals(line.currency())) {
                changes.add(new PriceChange(line.sku(), line.unitPrice(), p.price(), line.currency(), p.currency()));
            }
            currencies.add(p.currency());
            lines.add(OrderLine.of(p.sku(), p.name(), line.quantity(), p.price()));
        }
        if (!unavailable.isEmpty()) {
            throw OrderRuleException.unavailable(unavailable);
        }
        if (!changes.isEmpty()) {
            throw OrderRuleException.priceChanged(changes);
        }
        if (currencies.size() > 1) {
            throw OrderRuleException.mixedCurrencies();
        }
        return new Priced(currencies.iterator().next(), lines);
    }
}
