package dev.storefront.order.domain;

import dev.storefront.defaults.tracing.Traces;
import dev.storefront.order.client.AddressBook;
import dev.storefront.order.client.CartService;
import dev.storefront.order.client.CartView;
import dev.storefront.order.client.DependencyUnavailableException;
import dev.storefront.order.client.RejectedException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Places an order exactly once per idempotency key.
 *
 * <p>The cart is read and priced before any transaction starts (no connection is held over remote calls). The order,
 * its lines, the key with its response and the outbox message that clears the cart are then written in one
 * transaction, as one statement ({@link NewOrders}), which also reserves the stock of every tracked line: a line asking
 * for more than is left stores nothing and answers 409 with what is left. A duplicate replays the stored response: its
 * statement meets the key (one that races the first waits on the key's primary key in PostgreSQL), or, when its cart
 * or address can no longer be read, the key is looked up. A request that fails
 * records nothing, so it may be retried with the same key.
 */
@ApplicationScoped
public class Checkout {
    private static final Logger LOG = Logger.getLogger(Checkout.class);
    private static final int SHORT_ATTEMPTS = 3;

    private final CartService carts;
    private final AddressBook addressBook;
    private final Pricing pricing;
    private final IdempotencyKeys keys;
    private final NewOrders newOrders;
    private final Stock stock;

    public Checkout(
            CartService carts,
            AddressBook addressBook,
            Pricing pricing,
            IdempotencyKeys keys,
            NewOrders newOrders,
            Stock stock) {
        this.carts = carts;
        this.addressBook = addressBook;
        this.pricing = pricing;
        this.keys = keys;
        this.newOrders = newOrders;
        this.stock = stock;
    }

    /**
     * One checkout request of a signed-in customer; {@code requestHash} identifies the body for key reuse. It ships to
     * {@code address}, or, when that is null, to the entry {@code addressId} of the customer's address book.
     * {@code requestId} (may be null) goes along on the calls to other services and into the outbox message, so the
     * cart's clearing is logged, here and in cart-service, under the checkout's id. {@code bearerToken} is the
     * shopper's access token: it authorises reading their cart and address book during this request and is never
     * stored.
     */
    public record Command(
            UUID customerId,
            String bearerToken,
            String idempotencyKey,
            String requestHash,
            UUID cartId,
            Address address,
            UUID addressId,
            String requestId) {}

    /** The response to send: the first one recorded for the key. */
    public record Result(UUID orderId, int status, String body, boolean replayed) {}

    /**
     * Places the order, reading the cart without blocking and then doing the rest (pricing, the address book, the one
     * statement that stores it all) on a request thread. Called on the event loop that serves the checkout: the request
     * thread is the only hand-off, and the answer comes back to that event loop, with the request's logging and tracing
     * context on both.
     *
     * @param render the response body for a new order, recorded for replays
     */
    public Uni<Result> place(Command command, Function<CustomerOrder, String> render) {
        Context request = Vertx.currentContext();
        if (request == null) {
            throw new IllegalStateException("A checkout is placed from the Vert.x context of its request");
        }
        return carts.cart(command.cartId(), command.bearerToken(), command.requestId())
                .onItemOrFailure()
                .transformToUni((cart, failure) -> Uni.createFrom().completionStage(() -> request.executeBlocking(
                                () -> place(command, cart, failure, render), false)
                        .toCompletionStage()));
    }

    /** The blocking part of a checkout, once cart-service answered with {@code cart} or failed with {@code failure}. */
    private Result place(Command command, CartView cart, Throwable failure, Function<CustomerOrder, String> render) {
        // The key is not looked up first: for a new key, nearly every request, that was a round trip for nothing. A
        // duplicate finds the recorded order when its statement meets the key (KEY_TAKEN), or below, when the cart or
        // address can no longer be read: emptied by the first order's clearing, or their service is down.
        Pricing.Priced priced;
        Address address;
        try {
            priced = pricing.price(read(command, cart, failure));
            address = shippingAddress(command);
        } catch (OrderRuleException | DependencyUnavailableException e) {
            return keys.find(command.customerId(), command.idempotencyKey())
                    .map(r -> replay(r, command))
                    .orElseThrow(() -> e);
        }
        Result result = store(command, priced, address, render);
        if (!result.replayed()) {
            LOG.infof(
                    "Order %s placed by customer %s from cart %s",
                    result.orderId(), command.customerId(), command.cartId());
        }
        return result;
    }

    private Address shippingAddress(Command command) {
        if (command.address() != null) {
            return command.address();
        }
        return addressBook
                .find(command.addressId(), command.bearerToken(), command.requestId())
                .map(a -> Address.of(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country()))
                .orElseThrow(() -> OrderRuleException.addressNotFound(command.addressId()));
    }

    /**
     * The cart that cart-service answered with, or what its failure means for the checkout. {@link CartService}'s
     * failures arrive translated by {@code RemoteFailures}: a refusal, or cart-service unavailable, named there.
     */
    private static CartView read(Command command, CartView cart, Throwable failure) {
        if (failure == null) {
            return cart;
        }
        if (failure instanceof RejectedException e) {
            throw e.status() == 404
                    ? OrderRuleException.cartNotFound(command.cartId())
                    : OrderRuleException.cartRefused(e.status());
        }
        throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
    }

    private Result store(
            Command command, Pricing.Priced priced, Address address, Function<CustomerOrder, String> render) {
        CustomerOrder order = CustomerOrder.place(
                command.customerId(), command.cartId(), priced.currency(), priced.lines(), address, Instant.now());
        var response = IdempotencyKey.of(
                command.customerId(),
                command.idempotencyKey(),
                command.requestHash(),
                order.id,
                201,
                render.apply(order),
                order.createdAt);
        // The cart is cleared later, perhaps by another instance; the request id and the trace keep that with this
        // checkout.
        var clearCart = OutboxMessage.clearCart(order, command.requestId(), Traces.currentParent());
        for (int attempt = 1; ; attempt++) {
            switch (newOrders.store(order, response, clearCart)) {
                case STORED -> {
                    return new Result(order.id, response.responseStatus, response.responseBody, false);
                }
                case KEY_TAKEN -> {
                    return replay(
                            keys.find(command.customerId(), command.idempotencyKey())
                                    .orElseThrow(),
                            command);
                }
                case SHORT -> {
                    // A duplicate that won the race took the stock: its order is this request's answer.
                    var recorded = keys.find(command.customerId(), command.idempotencyKey());
                    if (recorded.isPresent()) {
                        return replay(recorded.get(), command);
                    }
                    List<Shortage> shortages = stock.shortages(order.lines);
                    // Empty: stock came back between the refusal and the look (a cancellation); try again, briefly.
                    if (!shortages.isEmpty() || attempt == SHORT_ATTEMPTS) {
                        throw OrderRuleException.outOfStock(shortages);
                    }
                }
            }
        }
    }

    private static Result replay(IdempotencyKey recorded, Command command) {
        if (!recorded.requestHash.equals(command.requestHash())) {
            throw OrderRuleException.keyReused();
        }
        return new Result(recorded.orderId, recorded.responseStatus, recorded.responseBody, true);
    }
}
