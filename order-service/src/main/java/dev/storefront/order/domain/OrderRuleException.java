package dev.storefront.order.domain;

import java.util.List;
import java.util.UUID;

/**
 * A request this service refuses for a reason the client can act on; nothing was changed. It carries the
 * {@link Reason} and what the client needs to act on it (the changed prices, the unavailable skus); the api layer
 * alone decides how that is answered.
 */
public class OrderRuleException extends RuntimeException {
    /** Why a request was refused. */
    public enum Reason {
        EMPTY_CART,
        UNAVAILABLE_ITEMS,
        PRICE_CHANGED,
        MIXED_CURRENCIES,
        CART_NOT_FOUND,
        /** cart-service refused to show the cart for another reason than its absence (e.g. the token). */
        CART_REFUSED,
        ADDRESS_NOT_FOUND,
        IDEMPOTENCY_KEY_REUSED,
        ORDER_NOT_FOUND,
        ORDER_NOT_CANCELLABLE,
        /** The checkout asks for more of some lines than is left; nothing was stored. */
        OUT_OF_STOCK,
        /** An adjustment of a sku whose stock is not tracked (set it first). */
        STOCK_NOT_TRACKED,
        /** An adjustment that would take a sku's stock below zero or above {@link Stock#MAX_QUANTITY}. */
        STOCK_OUT_OF_RANGE
    }

    private final Reason reason;
    private final List<PriceChange> priceChanges;
    private final List<String> unavailableSkus;
    private final List<Shortage> shortages;

    private OrderRuleException(
            Reason reason,
            String detail,
            List<PriceChange> priceChanges,
            List<String> unavailableSkus,
            List<Shortage> shortages) {
        super(detail);
        this.reason = reason;
        this.priceChanges = List.copyOf(priceChanges);
        this.unavailableSkus = List.copyOf(unavailableSkus);
        this.shortages = List.copyOf(shortages);
    }

    private OrderRuleException(Reason reason, String detail) {
        this(reason, detail, List.of(), List.of(), List.of());
    }

    public static OrderRuleException emptyCart(UUID cartId) {
        return new OrderRuleException(Reason.EMPTY_CART, "Cart " + cartId + " has no lines to order");
    }

    public static OrderRuleException unavailable(List<String> skus) {
        return new OrderRuleException(
                Reason.UNAVAILABLE_ITEMS,
                "These products are unknown, inactive or out of stock: " + String.join(", ", skus),
                List.of(),
                skus,
                List.of());
    }

    public static OrderRuleException priceChanged(List<PriceChange> changes) {
        List<String> skus = changes.stream().map(PriceChange::sku).toList();
        return new OrderRuleException(
                Reason.PRICE_CHANGED,
                "The price of " + String.join(", ", skus)
                        + " changed since it was put in the cart; review the cart and check out again",
                changes,
                List.of(),
                List.of());
    }

    public static OrderRuleException mixedCurrencies() {
        return new OrderRuleException(Reason.MIXED_CURRENCIES, "An order must be in a single currency");
    }

    public static OrderRuleException cartNotFound(UUID cartId) {
        return new OrderRuleException(Reason.CART_NOT_FOUND, "Cart " + cartId + " does not exist or is not yours");
    }

    public static OrderRuleException cartRefused(int status) {
        return new OrderRuleException(Reason.CART_REFUSED, "cart-service refused to read the cart (" + status + ")");
    }

    public static OrderRuleException addressNotFound(UUID addressId) {
        return new OrderRuleException(
                Reason.ADDRESS_NOT_FOUND, "Address " + addressId + " is not in your address book");
    }

    public static OrderRuleException keyReused() {
        return new OrderRuleException(
                Reason.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used with a different request body");
    }

    public static OrderRuleException orderNotFound(UUID orderId) {
        return new OrderRuleException(Reason.ORDER_NOT_FOUND, "Order " + orderId + " not found");
    }

    public static OrderRuleException notCancellable(UUID orderId, OrderStatus status) {
        return new OrderRuleException(
                Reason.ORDER_NOT_CANCELLABLE,
                "Order " + orderId + " is " + status + "; only PLACED orders can be cancelled");
    }

    public static OrderRuleException outOfStock(List<Shortage> shortages) {
        String lines = shortages.stream()
                .map(s -> s.sku() + " (" + s.requested() + " wanted, " + s.left() + " left)")
                .collect(java.util.stream.Collectors.joining(", "));
        return new OrderRuleException(
                Reason.OUT_OF_STOCK,
                "Not enough left of " + lines + "; change the cart and check out again with the same Idempotency-Key",
                List.of(),
                List.of(),
                shortages);
    }

    public static OrderRuleException stockNotTracked(String sku) {
        return new OrderRuleException(
                Reason.STOCK_NOT_TRACKED, "The stock of " + sku + " is not tracked; set a quantity first");
    }

    public static OrderRuleException stockOutOfRange(String sku, int available, int delta) {
        return new OrderRuleException(
                Reason.STOCK_OUT_OF_RANGE,
                "Adjusting " + sku + " by " + delta + " would leave " + ((long) available + delta) + "; " + available
                        + " are available, and stock stays between 0 and " + Stock.MAX_QUANTITY);
    }

    public Reason reason() {
        return reason;
    }

    /** {@link Reason#PRICE_CHANGED} only: what the cart showed and what the catalog asks now, per line. */
    public List<PriceChange> priceChanges() {
        return priceChanges;
    }

    /** {@link Reason#UNAVAILABLE_ITEMS} only: the skus that cannot be ordered. */
    public List<String> unavailableSkus() {
        return unavailableSkus;
    }

    /** {@link Reason#OUT_OF_STOCK} only: the lines that ask for more than is left. */
    public List<Shortage> shortages() {
        return shortages;
    }
}
