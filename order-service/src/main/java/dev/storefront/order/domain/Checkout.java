package dev.storefront.order.domain;

import dev.storefront.order.client.AddressBook;
import dev.storefront.order.client.CartRejectedException;
import dev.storefront.order.client.CartService;
import dev.storefront.order.client.CartView;
import dev.storefront.order.client.DependencyUnavailableException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Places an order exactly once per idempotency key.
 *
 * <p>The cart is read and priced before any transaction starts (no connection is held over remote calls). The order,
 * its lines, the key with its response and the outbox message that clears the cart are then written in one
 * transaction. A duplicate that arrives after that commit replays the stored response; one that races it waits on the
 * key's primary key in PostgreSQL and replays too. A request that fails records nothing, so it may be retried with
 * the same key.
 */
@ApplicationScoped
public class Checkout {
    private static final Logger LOG = Logger.getLogger(Checkout.class);
    /** The logging MDC key under which api.RequestIds keeps the id of the request being served. */
    static final String REQUEST_ID = "requestId";

    private final CartService carts;
    private final AddressBook addressBook;
    private final Pricing pricing;
    private final IdempotencyKeys keys;
    private final EntityManager em;

    public Checkout(
            CartService carts, AddressBook addressBook, Pricing pricing, IdempotencyKeys keys, EntityManager em) {
        this.carts = carts;
        this.addressBook = addressBook;
        this.pricing = pricing;
        this.keys = keys;
        this.em = em;
    }

    /**
     * One checkout request of a signed-in customer; {@code requestHash} identifies the body for key reuse. It ships to
     * {@code address}, or, when that is null, to the entry {@code addressId} of the customer's address book.
     */
    public record Command(
            UUID customerId,
            String bearerToken,
            Instant tokenExpiresAt,
            String idempotencyKey,
            String requestHash,
            UUID cartId,
            Address address,
            UUID addressId) {}

    /** The response to send: the first one recorded for the key. */
    public record Result(UUID orderId, int status, String body, boolean replayed) {}

    /** @param render the response body for a new order, recorded for replays */
    public Result place(Command command, Function<CustomerOrder, String> render) {
        var recorded = keys.find(command.customerId(), command.idempotencyKey());
        if (recorded.isPresent()) {
            return replay(recorded.get(), command);
        }
        Pricing.Priced priced;
        Address address;
        try {
            priced = pricing.price(readCart(command));
            address = shippingAddress(command);
        } catch (OrderRuleException e) {
            // A duplicate that raced ahead may have placed the order and had the cart emptied meanwhile.
            return keys.find(command.customerId(), command.idempotencyKey())
                    .map(r -> replay(r, command))
                    .orElseThrow(() -> e);
        }
        Result result = QuarkusTransaction.requiringNew().call(() -> store(command, priced, address, render));
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
        try {
            return addressBook
                    .find(command.addressId(), command.bearerToken())
                    .map(a -> Address.of(a.name(), a.line1(), a.line2(), a.city(), a.postalCode(), a.country()))
                    .orElseThrow(() -> OrderRuleException.addressNotFound(command.addressId()));
        } catch (OrderRuleException | DependencyUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DependencyUnavailableException("account-service is unavailable", e);
        }
    }

    private CartView readCart(Command command) {
        try {
            return carts.cart(command.cartId(), command.bearerToken());
        } catch (CartRejectedException e) {
            throw e.status() == 404
                    ? OrderRuleException.cartNotFound(command.cartId())
                    : OrderRuleException.cartRefused(e.status());
        } catch (DependencyUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // timeouts, refused connections and an open circuit alike: nothing was written, try again later
            throw new DependencyUnavailableException("cart-service is unavailable", e);
        }
    }

    private Result store(
            Command command, Pricing.Priced priced, Address address, Function<CustomerOrder, String> render) {
        CustomerOrder order = CustomerOrder.place(
                command.customerId(), command.cartId(), priced.currency(), priced.lines(), address, Instant.now());
        var response = new IdempotencyKeys.Recorded(command.requestHash(), order.id, 201, render.apply(order));
        if (!keys.claim(command.customerId(), command.idempotencyKey(), response, order.createdAt)) {
            return replay(
                    keys.find(command.customerId(), command.idempotencyKey()).orElseThrow(), command);
        }
        em.persist(order);
        // The cart is cleared later, perhaps by another instance; the request id keeps that with this checkout.
        Object requestId = MDC.get(REQUEST_ID);
        em.persist(OutboxMessage.clearCart(
                order,
                command.bearerToken(),
                command.tokenExpiresAt(),
                requestId == null ? null : requestId.toString()));
        return new Result(order.id, response.status(), response.body(), false);
    }

    private static Result replay(IdempotencyKeys.Recorded recorded, Command command) {
        if (!recorded.requestHash().equals(command.requestHash())) {
            throw OrderRuleException.keyReused();
        }
        return new Result(recorded.orderId(), recorded.status(), recorded.body(), true);
    }
}
