package dev.storefront.order.domain;

import java.util.List;
import java.util.UUID;

/**
 * A request this service refuses for a reason the client can act on; it becomes a problem+json with {@link #status}.
 * Nothing was changed.
 */
public class OrderRuleException extends RuntimeException {
    private static final String TYPE = "https://storefront.dev/problems/";

    private final int status;
    private final String type;
    private final String title;
    private final List<PriceChange> priceChanges;
    private final List<String> unavailableSkus;

    private OrderRuleException(
            int status,
            String slug,
            String title,
            String detail,
            List<PriceChange> priceChanges,
            List<String> unavailableSkus) {
        super(detail);
        this.status = status;
        this.type = TYPE + slug;
        this.title = title;
        this.priceChanges = priceChanges;
        this.unavailableSkus = unavailableSkus;
    }

    private static OrderRuleException of(int status, String slug, String title, String detail) {
        return new OrderRuleException(status, slug, title, detail, List.of(), List.of());
    }

    public static OrderRuleException emptyCart(UUID cartId) {
        return of(422, "empty-cart", "Empty cart", "Cart " + cartId + " has no lines to order");
    }

    public static OrderRuleException unavailable(List<String> skus) {
        return new OrderRuleException(
                422,
                "unavailable-items",
                "Items unavailable",
                "These products are unknown, inactive or out of stock: " + String.join(", ", skus),
                List.of(),
                skus);
    }

    public static OrderRuleException priceChanged(List<PriceChange> changes) {
        return new OrderRuleException(
                409,
                "price-changed",
                "Prices changed",
                "The price of "
                        + String.join(
                                ", ", changes.stream().map(PriceChange::sku).toList())
                        + " changed since it was put in the cart; review the cart and check out again",
                changes,
                List.of());
    }

    public static OrderRuleException mixedCurrencies() {
        return of(422, "mixed-currencies", "Mixed currencies", "An order must be in a single currency");
    }

    public static OrderRuleException cartNotFound(UUID cartId) {
        return of(422, "cart-not-found", "Cart not found", "Cart " + cartId + " does not exist or is not yours");
    }

    public static OrderRuleException cartRefused(int status) {
        return of(422, "cart-refused", "Cart refused", "cart-service refused to read the cart (" + status + ")");
    }

    public static OrderRuleException addressNotFound(UUID addressId) {
        return of(
                422, "address-not-found", "Address not found", "Address " + addressId + " is not in your address book");
    }

    public static OrderRuleException keyReused() {
        return of(
                422,
                "idempotency-key-reused",
                "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body");
    }

    public static OrderRuleException orderNotFound(UUID orderId) {
        return of(404, "order-not-found", "Not Found", "Order " + orderId + " not found");
    }

    public static OrderRuleException notCancellable(UUID orderId, OrderStatus status) {
        return of(
                409,
                "order-not-cancellable",
                "Order cannot be cancelled",
                "Order " + orderId + " is " + status + "; only PLACED orders can be cancelled");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<PriceChange> priceChanges() {
        return priceChanges;
    }

    public List<String> unavailableSkus() {
        return unavailableSkus;
    }
}
