package dev.storefront.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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
