package dev.storefront.cart.api;

import dev.storefront.cart.config.CartConfig;
import dev.storefront.cart.domain.CartContents;
import dev.storefront.cart.domain.Catalog;
import dev.storefront.cart.domain.ProductSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Prices a stored cart with the current catalog: the stored price only tells whether the price changed. */
@ApplicationScoped
public class CartViews {
    private final Catalog catalog;
    private final CartConfig config;

    public CartViews(Catalog catalog, CartConfig config) {
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

    /** A product that is gone, or that the catalog cannot tell us about right now, shows as unavailable. */
    private CartResponse.Line line(CartContents.Line stored) {
        Optional<Catalog.Published> published = catalog.current(stored.sku());
        if (published.isEmpty()) {
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
        ProductSnapshot p = published.get().product();
        boolean changed =
                p.unitPrice() != stored.seenUnitPrice() || !p.currency().equals(stored.currency());
        return new CartResponse.Line(
                stored.sku(),
                p.name(),
                stored.quantity(),
                p.unitPrice(),
                p.currency(),
                Math.multiplyExact(p.unitPrice(), stored.quantity()),
                changed,
                published.get().orderable());
    }
}
