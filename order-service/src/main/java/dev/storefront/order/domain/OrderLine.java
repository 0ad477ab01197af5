package dev.storefront.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** One priced line of an order. Amounts are minor units of the order's currency. */
@Embeddable
public class OrderLine {
    @Column(nullable = false, length = 64)
    public String sku;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false)
    public long unitPrice;

    @Column(name = "line_total", nullable = false)
    public long lineTotal;

    /**
     * How many of each sku {@code lines} hold together, in sku order: the order stock rows are locked in by every
     * change (checkout, cancellation, admins), so none waits on another in a circle.
     */
    static SortedMap<String, Integer> quantitiesBySku(List<OrderLine> lines) {
        SortedMap<String, Integer> quantities = new TreeMap<>();
        lines.forEach(line -> quantities.merge(line.sku, line.quantity, Integer::sum));
        return quantities;
    }

    public static OrderLine of(String sku, String name, int quantity, long unitPrice) {
        OrderLine line = new OrderLine();
        line.sku = sku;
        line.name = name;
        line.quantity = quantity;
        line.unitPrice = unitPrice;
        line.lineTotal = Math.multiplyExact(unitPrice, quantity);
        return line;
    }
}
