package dev.storefront.order.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/**
 * Stock by sku: what admins set and adjust, what a cancelled order gives back, what shoppers may see of it. The
 * checkout's own reservation is part of its one statement ({@link NewOrders}); every other change goes through
 * {@link #change}, which locks the sku's row, writes the audit row and, when the change crosses zero, the availability
 * signal for the storefront ({@link AvailabilitySignals}), all in the caller's transaction. Rows are locked in sku
 * order, the order the checkout locks them in too, so two multi-sku changes never wait on each other in a circle.
 */
@ApplicationScoped
public class Stock {
    /** The most of one sku that can be in stock, so no sum of quantities overflows. */
    public static final int MAX_QUANTITY = 1_000_000_000;

    private final EntityManager entityManager;

    public Stock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Sets {@code sku}'s stock to {@code available}, tracking it from now on if it was not. */
    @Transactional
    public StockLevel set(String sku, int available, UUID admin) {
        return change(sku, true, before -> available, StockChange.Reason.SET, admin, null)
                .orElseThrow();
    }

    /** Sets every sku of {@code quantities} at once: all of them or, on any failure, none. */
    @Transactional
    public List<StockLevel> setAll(Map<String, Integer> quantities, UUID admin) {
        List<StockLevel> levels = new ArrayList<>();
        new TreeMap<>(quantities)
                .forEach((sku, available) ->
                        levels.add(change(sku, true, before -> available, StockChange.Reason.SET, admin, null)
                                .orElseThrow()));
        return levels;
    }

    /** Adds {@code delta} (negative: takes away) to a tracked sku's stock; never below zero nor above the maximum. */
    @Transactional
    public StockLevel adjust(String sku, int delta, UUID admin) {
        return change(
                        sku,
                        false,
                        before -> {
                            long after = (long) before + delta;
                            if (after < 0 || after > MAX_QUANTITY) {
                                throw OrderRuleException.stockOutOfRange(sku, before, delta);
                            }
                            return before + delta;
                        },
                        StockChange.Reason.ADJUSTED,
                        admin,
                        null)
                .orElseThrow(() -> OrderRuleException.stockNotTracked(sku));
    }

    /**
     * Gives back what a cancelled {@code order} bought, for the skus that are tracked; in the transaction that cancels
     * it, so an order is cancelled exactly when its quantities are back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void giveBack(CustomerOrder order, UUID by) {
        OrderLine.quantitiesBySku(order.lines)
                .forEach((sku, quantity) -> change(
                        sku,
                        false,
                        before -> Math.addExact(before, quantity),
                        StockChange.Reason.CANCELLED,
                        by,
                        order.id));
    }

    @Transactional
    public Optional<StockLevel> level(String sku) {
        return levels(List.of(sku)).values().stream().findFirst();
    }

    /** The tracked skus among {@code skus} and their levels; an untracked sku is absent. */
    @Transactional
    public Map<String, StockLevel> levels(Collection<String> skus) {
        Map<String, StockLevel> levels = new HashMap<>();
        if (skus.isEmpty()) {
            return levels;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT sku, available, version, updated_at FROM stock WHERE sku IN (:skus)")
                .setParameter("skus", List.copyOf(skus))
                .getResultList();
        for (Object[] row : rows) {
            levels.put(
                    (String) row[0],
                    new StockLevel(
                            (String) row[0],
                            ((Number) row[1]).intValue(),
                            ((Number) row[2]).longValue(),
                            instant(row[3])));
        }
        return levels;
    }

    /** The latest {@code limit} audited changes of {@code sku}, newest first. */
    @Transactional
    public List<StockChange> changes(String sku, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("SELECT reason, before, after, changed_by, order_id, changed_at FROM stock_change"
                        + " WHERE sku = :sku ORDER BY id DESC LIMIT :limit")
                .setParameter("sku", sku)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new StockChange(
                        sku,
                        StockChange.Reason.valueOf((String) row[0]),
                        row[1] == null ? null : ((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue(),
                        (UUID) row[3],
                        (UUID) row[4],
                        instant(row[5])))
                .toList();
    }

    /**
     * The lines of a refused reservation that ask for more than is left now. Empty when stock came back meanwhile (a
     * cancellation, an admin): then the checkout may simply try again.
     */
    @Transactional
    public List<Shortage> shortages(List<OrderLine> lines) {
        Map<String, Integer> wanted = OrderLine.quantitiesBySku(lines);
        Map<String, StockLevel> levels = levels(wanted.keySet());
        List<Shortage> shortages = new ArrayList<>();
        for (OrderLine line : lines) {
            StockLevel level = levels.get(line.sku);
            if (level != null && level.available() < wanted.get(line.sku)) {
                shortages.add(new Shortage(line.sku, line.name, line.quantity, level.available()));
            }
        }
        return shortages;
    }

    /**
     * Locks {@code sku}'s row and replaces its quantity by {@code next} of the current one, with the audit row and,
     * when the storefront must now show it otherwise, its availability signal. An untracked sku is first created at 0
     * when {@code track}, else left alone (empty).
     */
    private Optional<StockLevel> change(
            String sku, boolean track, IntUnaryOperator next, StockChange.Reason reason, UUID by, UUID orderId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean created = track
                && entityManager
                                .createNativeQuery("INSERT INTO stock (sku, available, version, updated_at)"
                                        + " VALUES (:sku, 0, 0, :now) ON CONFLICT (sku) DO NOTHING")
                                .setParameter("sku", sku)
                                .setParameter("now", now)
                                .executeUpdate()
                        == 1;
        @SuppressWarnings("unchecked")
        List<Object[]> locked = entityManager
                .createNativeQuery("SELECT available, version FROM stock WHERE sku = :sku FOR UPDATE")
                .setParameter("sku", sku)
                .getResultList();
        if (locked.isEmpty()) {
            return Optional.empty();
        }
        int current = ((Number) locked.get(0)[0]).intValue();
        long version = ((Number) locked.get(0)[1]).longValue() + 1;
        Integer before = created ? null : current;
        int after = next.applyAsInt(current);
        entityManager
                .createNativeQuery("UPDATE stock SET available = :after, version = :version, updated_at = :now"
                        + " WHERE sku = :sku")
                .setParameter("after", after)
                .setParameter("version", version)
                .setParameter("now", now)
                .setParameter("sku", sku)
                .executeUpdate();
        entityManager
                .createNativeQuery("INSERT INTO stock_change (sku, reason, before, after, changed_by, order_id,"
                        + " changed_at) VALUES (:sku, :reason, :before, :after, :by, :order, :now)")
                .setParameter("sku", sku)
                .setParameter("reason", reason.name())
                .unwrap(NativeQuery.class)
                .setParameter("before", before, StandardBasicTypes.INTEGER)
                .setParameter("after", after)
                .setParameter("by", by)
                .setParameter("order", orderId, StandardBasicTypes.UUID)
                .setParameter("now", now)
                .executeUpdate();
        if (StockLevel.soldOut(before) != StockLevel.soldOut(after)) {
            AvailabilitySignals.record(entityManager, sku, StockLevel.soldOut(after), version, now);
        }
        return Optional.of(new StockLevel(sku, after, version, now));
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime time ? time.toInstant() : (Instant) value;
    }
}
