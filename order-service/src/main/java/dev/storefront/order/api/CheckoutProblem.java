package dev.storefront.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.storefront.defaults.problem.Problem;
import dev.storefront.order.domain.PriceChange;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The problem body of a refused checkout: an RFC 9457 problem plus what the client needs to fix the cart. Either list
 * is left out when empty.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "CheckoutProblem", description = "A Problem with the lines that stop a checkout (409, 422)")
public record CheckoutProblem(
        @JsonUnwrapped Problem problem,

        @Schema(description = "Price changed (409): lines whose price changed since they were put in the cart")
        List<PriceChange> priceChanges,

        @Schema(description = "Unavailable items (422): skus that are unknown, inactive or out of stock")
        List<String> unavailableSkus) {}
