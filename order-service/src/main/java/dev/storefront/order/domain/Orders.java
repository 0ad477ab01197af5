package dev.storefront.order.domain;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading a customer's orders and changing their status. Another customer's order does not exist for a caller. */
@ApplicationScoped
public class Orders {
    private final Stock stock;

    public Orders(Stock stock) {
        this.stock = stock;
    }

    /** Where a history page starts: after the order created at {@code createdAt} with id {@code id}. */
    public record Position(Instant createdAt, UUID id) {}

    @Transactional
    public CustomerOrder get(UUID customerId, UUID orderId) {
        return CustomerOrder.<CustomerOrder>find(
                        "from CustomerOrder o left join fetch o.lines where o.id = ?1 and o.customerId = ?2",
                        orderId,
                        customerId)
                .singleResultOptional()
                .orElseThrow(() -> OrderRuleException.orderNotFound(orderId));
    }

    /** Up to {@code limit} orders, newest first, after {@code after} (keyset paging on the history index). */
    @Transactional
    public List<CustomerOrder> history(UUID customerId, Optional<Position> after, int limit) {
        String query = "customerId = :customer";
        Parameters parameters = Parameters.with("customer", customerId);
        if (after.isPresent()) {
            query += " and (createdAt < :at or (createdAt = :at and id < :id))";
            parameters.and("at", after.get().createdAt()).and("id", after.get().id());
        }
        return CustomerOrder.<CustomerOrder>find(query, Sort.descending("createdAt", "id"), parameters)
                .range(0, limit - 1)
                .list();
    }

    /**
     * PLACED → CANCELLED, atomically, and its quantities back in stock in the same transaction: of two racing cancels
     * one wins and the other sees a cancelled order (409), so stock comes back once.
     */
    @Transactional
    public CustomerOrder cancel(UUID customerId, UUID orderId) {
        int updated = CustomerOrder.update(
                "status = ?1, updatedAt = ?2 where id = ?3 and customerId = ?4 and status = ?5",
                OrderStatus.CANCELLED,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                orderId,
                customerId,
                OrderStatus.PLACED);
        CustomerOrder order = get(customerId, orderId);
        if (updated == 0) {
            throw OrderRuleException.notCancellable(orderId, order.status);
        }
        stock.giveBack(order, customerId);
        return order;
    }
}
