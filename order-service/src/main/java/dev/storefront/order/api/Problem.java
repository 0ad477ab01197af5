package dev.storefront.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.storefront.order.domain.PriceChange;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error this service returns. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> errors,

        @Schema(description = "Checkout only: lines whose price changed since they were put in the cart")
        List<PriceChange> priceChanges,

        @Schema(description = "Checkout only: skus that are unknown, inactive or out of stock")
        List<String> unavailableSkus) {
    public Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {
        this(type, title, status, detail, instance, errors, List.of(), List.of());
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request, e.g. {@code quantity: must be between 1 and 99}. */
    public record Violation(String field, String message) {}

    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("about:blank", title, status, detail, instance, List.of());
    }
}
