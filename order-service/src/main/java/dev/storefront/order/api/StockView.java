package dev.storefront.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.storefront.order.domain.StockChange;
import dev.storefront.order.domain.StockLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A tracked sku's stock as admins see it, with its latest audited changes when asked for one sku. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockView(String sku, int available, long version, Instant updatedAt, List<Change> changes) {

    /** One audited change; {@code before} is null when the sku was not tracked before. */
    public record Change(String reason, Integer before, int after, UUID changedBy, UUID orderId, Instant changedAt) {
        static Change of(StockChange change) {
            return new Change(
                    change.reason().name(),
                    change.before(),
                    change.after(),
                    change.changedBy(),
                    change.orderId(),
                    change.changedAt());
        }
    }

    static StockView of(StockLevel level) {
        return new StockView(level.sku(), level.available(), level.version(), level.updatedAt(), null);
    }

    static StockView of(StockLevel level, List<StockChange> changes) {
        return new StockView(
                level.sku(),
                level.available(),
                level.version(),
                level.updatedAt(),
                changes.stream().map(Change::of).toList());
    }

    /** The answer to a bulk change: every sku set, in sku order. */
    public record Bulk(List<StockView> items) {}

    /**
     * What a shopper may know: per sku, {@code left} is how many are left when the sku is tracked and at or below the
     * low threshold, else null (plenty, or not tracked).
     */
    public record Left(List<Item> items) {
        public record Item(String sku, Integer left) {}
    }
}
