package dev.storefront.cart.domain;

import dev.storefront.cart.config.CartConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The cart rules. Every change locks the cart row ({@code SELECT ... FOR UPDATE}) for its short transaction, so two
 * requests changing one cart at once are applied one after the other and neither is lost, whichever instance serves
 * them. {@code @Version} stays as a second guard against any writer that skips the lock.
 */
@ApplicationScoped
public class Carts {
    public static final int MAX_QUANTITY = 99;
    private static final Logger LOG = Logger.getLogger(Carts.class);

    private final EntityManager em;
    private final CartRows rows;
    private final CartConfig config;
    private final Clock clock = Clock.systemUTC();

    public Carts(EntityManager em, CartRows rows, CartConfig config) {
        this.em = em;
        this.rows = rows;
        this.config = config;
    }

    /** Creates an anonymous cart reachable with {@code token}. */
    @Transactional
    public CartContents createAnonymous(String token) {
        Cart cart = Cart.anonymous(CartToken.hash(token), clock.instant());
        em.persist(cart);
        return cart.contents();
    }

    /**
     * The shopper's one current cart, created if there is none. Safe under concurrent calls: the insert is a no-op when
     * another request created the cart first (unique index on owner_id).
     */
    @Transactional
    public Current currentFor(UUID accountId) {
        Instant now = clock.instant();
        int inserted = em.createNativeQuery(
                        "INSERT INTO cart (id, owner_id, version, created_at, updated_at) VALUES (?1, ?2, 0, ?3, ?3)"
                                + " ON CONFLICT (owner_id) WHERE owner_id IS NOT NULL DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, accountId)
                .setParameter(3, now)
                .executeUpdate();
        Cart cart = em.createQuery("FROM Cart WHERE ownerId = ?1", Cart.class)
                .setParameter(1, accountId)
                .getSingleResult();
        return new Current(cart.contents(), inserted == 1);
    }

    /**
     * A read takes no lock and needs no transaction: one plain query fetches the cart with its lines. This is the hot
     * path of checkout, which reads the cart of every order ({@link CartRows}).
     */
    public CartContents read(UUID id, Access access) {
        return rows.read(id, access);
    }

    /**
     * Fails with {@code CART_NOT_FOUND} unless the cart exists and {@code access} may see it: the cart row alone, read
     * without a lock or a transaction (the change that follows checks again under its lock).
     */
    void requireAccess(UUID id, Access access) {
        rows.requireAccess(id, access);
    }

    /**
     * Sets the quantity of a line (adding it when new) and records the price the shopper now sees, under the cart row's
     * lock, in plain SQL ({@link CartRows}): every "add to cart" comes here. Callers go through {@link CartItems#put},
     * which checks the product against the catalog first.
     */
    CartContents setQuantity(UUID id, Access access, ProductSnapshot product, int quantity) {
        return rows.setQuantity(id, access, product, quantity, config.limits().maxLines(), clock.instant());
    }

    /** Removes a line; removing a line that is not there changes nothing. */
    @Transactional
    public CartContents removeLine(UUID id, Access access, String sku) {
        Cart cart = find(id, access, LockModeType.PESSIMISTIC_WRITE);
        return cart.line(sku)
                .map(line -> {
                    cart.lines.remove(line);
                    return touched(cart, clock.instant());
                })
                .orElseGet(cart::contents);
    }

    /**
     * Takes what order {@code orderId} bought ({@code ordered}: quantity per sku) out of the cart, at most once per
     * order: a repeated delivery finds the receipt and changes nothing. Each ordered quantity is subtracted from the
     * cart's line of that sku, and a line at 0 or below is removed; lines the order did not contain, and whatever was
     * added to a line after the order, stay (another session of the same shopper may have filled the cart meanwhile).
     * The caller is order-service, already authorised for this cart and order.
     */
    @Transactional
    public void clearAfterOrder(UUID id, UUID orderId, Map<String, Integer> ordered) {
        Cart cart = em.find(Cart.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (cart == null) {
            throw CartException.cartNotFound(id);
        }
        if (!firstClearFor(orderId, cart)) {
            return;
        }
        int removed = 0;
        int reduced = 0;
        for (Iterator<CartLine> lines = cart.lines.iterator(); lines.hasNext(); ) {
            CartLine line = lines.next();
            Integer bought = ordered.get(line.sku);
            if (bought == null) {
                continue;
            }
            if (line.quantity <= bought) {
                lines.remove();
                removed++;
            } else {
                line.quantity -= bought;
                reduced++;
            }
        }
        if (removed + reduced > 0) {
            // Only order-service calls this, after a checkout: the line carries that checkout's request id.
            LOG.infof("Cleared order %s from cart %s: %d lines removed, %d reduced", orderId, id, removed, reduced);
            touched(cart, clock.instant());
        }
    }

    private boolean firstClearFor(UUID orderId, Cart cart) {
        return em.createNativeQuery("INSERT INTO cart_clear (order_id, cart_id, cleared_at) VALUES (?1, ?2, ?3)"
                                + " ON CONFLICT (order_id) DO NOTHING")
                        .setParameter(1, orderId)
                        .setParameter(2, cart.id)
                        .setParameter(3, clock.instant())
                        .executeUpdate()
                == 1;
    }

    /**
     * Moves the lines of the anonymous cart {@code anonymousId} (reached with its token) into the signed-in shopper's
     * cart and deletes the anonymous cart; without its token ({@code null}) it is not found. Quantities of a sku in
     * both carts add up, capped at {@value #MAX_QUANTITY}.
     */
    @Transactional
    public CartContents merge(UUID anonymousId, String cartToken, UUID accountId) {
        Cart anonymous = find(
                anonymousId,
                new Access(Optional.empty(), Optional.ofNullable(cartToken)),
                LockModeType.PESSIMISTIC_WRITE);
        if (!anonymous.isAnonymous()) {
            throw CartException.cartNotFound(anonymousId);
        }
        UUID ownId = currentFor(accountId).contents().id();
        Cart own = em.find(Cart.class, ownId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        long newSkus =
                anonymous.lines.stream().filter(l -> own.line(l.sku).isEmpty()).count();
        requireRoomFor(own.lines.size() + (int) newSkus);
        for (CartLine line : anonymous.lines) {
            own.line(line.sku)
                    .ifPresentOrElse(
                            mine -> mine.quantity = Math.min(MAX_QUANTITY, mine.quantity + line.quantity),
                            () -> own.lines.add(CartLine.of(own, line.sku, line.quantity, snapshotOf(line), now)));
        }
        em.remove(anonymous);
        return touched(own, now);
    }

    private Cart find(UUID id, Access access, LockModeType lock) {
        return allowed(em.find(Cart.class, id, lock), id, access);
    }

    /** The cart, if {@code access} may see it; otherwise it does not exist for this caller. */
    private static Cart allowed(Cart cart, UUID id, Access access) {
        if (cart == null || !access.allows(cart)) {
            throw CartException.cartNotFound(id);
        }
        return cart;
    }

    private void requireRoomFor(int lines) {
        if (lines > config.limits().maxLines()) {
            throw CartException.tooManyLines(config.limits().maxLines());
        }
    }

    private static CartContents touched(Cart cart, Instant now) {
        cart.updatedAt = now;
        return cart.contents();
    }

    private static ProductSnapshot snapshotOf(CartLine line) {
        return new ProductSnapshot(line.sku, line.name, line.seenUnitPrice, line.currency);
    }

    /** The shopper's cart and whether this call created it. */
    public record Current(CartContents contents, boolean created) {}
}
