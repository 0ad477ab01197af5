package dev.storefront.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.storefront.order.domain.CustomerOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the caller's purchase history, newest first. */
@Schema(name = "OrderPage")
public record OrderPage(
        List<Summary> items,

        @Schema(description = "Pass as `cursor` for the next page; absent on the last page")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String nextCursor) {

    @Schema(name = "OrderSummary")
    public record Summary(UUID id, String status, String currency, long total, int itemCount, Instant createdAt) {
        static Summary of(CustomerOrder o) {
            return new Summary(o.id, o.status.name(), o.currency, o.totalMinor, o.itemCount, o.createdAt);
        }
    }
}
