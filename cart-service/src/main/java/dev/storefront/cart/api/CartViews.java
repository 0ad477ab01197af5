package dev.storefront.cart.api;

import dev.storefront.cart.client.CatalogBucket;
import dev.storefront.cart.client.CatalogProduct;
import dev.storefront.cart.client.CatalogUnavailableException;
import dev.storefront.cart.config.CartConfig;
import dev.storefront.cart.domain.CartContents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Prices a stored cart with the current catalog: the stored price only tells whether the price changed. */
@ApplicationScoped
public class CartViews {
    private final CatalogBucket catalog;
    private final CartConfig config;

    public CartViews(CatalogBucket catalog, CartConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    public CartResponse of(CartContents cart) {
        List<CartResponse.Line> lines = cart.lines().stream().map(this::line).toList();
        Map<String, Long> totals = new TreeMap<>();
        lines.stream()
                .filter(CartResponse.Line::available)
                .forEach(l -> totals.merge(l.currency(), l.lineTotal(), Long::sum));
        var expiry = cart.signedIn()
                ? config.expiry().signedInIdle()
                : config.expiry().anonymousIdle();
        return new CartResponse(
                cart.id(),
                null,
                cart.signedIn(),
                lines,
                totals.entrySet().stream()
                        .map(e -> new CartResponse.Total(e.getKey(), e.getValue()))
                        .toList(),
                lines.stream().mapToInt(CartResponse.Line::quantity).sum(),
                cart.updatedAt(),
                cart.updatedAt().plus(expiry));
    }

    private CartResponse.Line line(CartContents.Line stored) {
        Optional<CatalogProduct> product = published(stored.sku());
        if (product.isEmpty()) {
            return new CartResponse.Line(
                    stored.sku(),
                    stored.name(),
                    stored.quantity(),
                    stored.seenUnitPrice(),
                    stored.currency(),
                    Math.multiplyExact(stored.seenUnitPrice(), stored.quantity()),
                    false,
                    false);
        }
        CatalogProduct p = product.get();
        boolean changed = p.price() != stored.seenUnitPrice() || !p.currency().equals(stored.currency());
        return new CartResponse.Line(
                stored.sku(),
                p.name(),
                stored.quantity(),
                p.price(),
                p.currency(),
                Math.multiplyExact(p.price(), stored.quantity()),
                changed,
                p.orderable());
    }

    /** A product the catalog cannot tell us about right now is shown as unavailable rather than failing the cart. */
    private Optional<CatalogProduct> published(String sku) {
        try {
            return catalog.product(sku);
        } catch (CatalogUnavailableException e) {
            return Optional.empty();
        }
    }
}
