package dev.storefront.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An order placed by a signed-in customer. Amounts are in minor units of {@link #currency}. */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "cart_id", nullable = false)
    public UUID cartId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public OrderStatus status;

    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "total_minor", nullable = false)
    public long totalMinor;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Embedded
    public Address shippingAddress;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    public List<OrderLine> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A new order over already priced lines, all in {@code currency}. */
    public static CustomerOrder place(
            UUID customerId, UUID cartId, String currency, List<OrderLine> lines, Address address, Instant now) {
        CustomerOrder order = new CustomerOrder();
        order.id = UUID.randomUUID();
        order.customerId = customerId;
        order.cartId = cartId;
        order.status = OrderStatus.PLACED;
        order.currency = currency;
        order.lines = new ArrayList<>(lines);
        order.totalMinor = lines.stream().mapToLong(l -> l.lineTotal).reduce(0, Math::addExact);
        order.itemCount = lines.stream().mapToInt(l -> l.quantity).sum();
        order.shippingAddress = address;
        // PostgreSQL keeps microseconds; the response stored for replays must match what a later read returns.
        order.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        order.updatedAt = order.createdAt;
        return order;
    }
}
