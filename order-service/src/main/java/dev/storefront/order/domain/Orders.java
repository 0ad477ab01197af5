package dev.storefront.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading a customer's orders and changing their status. Another customer's order does not exist for a caller. */
@ApplicationScoped
public class Orders {
    private final EntityManager em;

    public Orders(EntityManager em) {
        this.em = em;
    }

    /** Where a history page starts: after the order created at {@code createdAt} with id {@code id}. */
    public record Position(Instant createdAt, UUID id) {}

    @Transactional
    public CustomerOrder get(UUID customerId, UUID orderId) {
        return em.createQuery(
                        "select o from CustomerOrder o left join fetch o.lines"
                                + " where o.id = :id and o.customerId = :customer",
                        CustomerOrder.class)
                .setParameter("id", orderId)
                .setParameter("customer", customerId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> OrderRuleException.orderNotFound(orderId));
    }

    /** Up to {@code limit} orders, newest first, after {@code after} (keyset paging on the history index). */
    @Transactional
    public List<CustomerOrder> history(UUID customerId, Optional<Position> after, int limit) {
        String where = after.isPresent() ? " and (o.createdAt < :at or (o.createdAt = :at and o.id < :id))" : "";
        var query = em.createQuery(
                        "select o from CustomerOrder o where o.customerId = :customer" + where
                                + " order by o.createdAt desc, o.id desc",
                        CustomerOrder.class)
                .setParameter("customer", customerId)
                .setMaxResults(limit);
        after.ifPresent(p -> query.setParameter("at", p.createdAt()).setParameter("id", p.id()));
        return query.getResultList();
    }

    /** PLACED → CANCELLED, atomically: of two racing cancels one wins and the other sees a cancelled order (409). */
    @Transactional
    public CustomerOrder cancel(UUID customerId, UUID orderId) {
        int updated = em.createQuery("update CustomerOrder o set o.status = :cancelled, o.updatedAt = :now"
                        + " where o.id = :id and o.customerId = :customer and o.status = :placed")
                .setParameter("cancelled", OrderStatus.CANCELLED)
                .setParameter("placed", OrderStatus.PLACED)
                .setParameter("now", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .setParameter("id", orderId)
                .setParameter("customer", customerId)
                .executeUpdate();
        CustomerOrder order = get(customerId, orderId);
        if (updated == 0) {
            throw OrderRuleException.notCancellable(orderId, order.status);
        }
        return order;
    }
}
