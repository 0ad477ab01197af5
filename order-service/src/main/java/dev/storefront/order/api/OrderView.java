package dev.storefront.order.api;

import dev.storefront.order.domain.CustomerOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order with its lines. All amounts are integer minor units (cents) of {@code currency}, computed server-side. */
@Schema(name = "Order")
public record OrderView(
        UUID id,

        @Schema(description = "PLACED, CANCELLED; PAID and SHIPPED are reserved for later")
        String status,

        UUID cartId,
        String currency,

        @Schema(description = "Sum of the line totals, minor units")
        long total,

        int itemCount,
        List<Line> lines,
        ShippingAddress shippingAddress,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "OrderLine")
    public record Line(String sku, String name, int quantity, long unitPrice, long lineTotal) {}

    static OrderView of(CustomerOrder o) {
        return new OrderView(
                o.id,
                o.status.name(),
                o.cartId,
                o.currency,
                o.totalMinor,
                o.itemCount,
                o.lines.stream()
                        .map(l -> new Line(l.sku, l.name, l.quantity, l.unitPrice, l.lineTotal))
                        .toList(),
                ShippingAddress.of(o.shippingAddress),
                o.createdAt,
                o.updatedAt);
    }
}
