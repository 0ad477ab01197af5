package dev.storefront.order.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.storefront.defaults.problem.Problem;
import dev.storefront.order.domain.PriceChange;
import dev.storefront.order.domain.Shortage;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The problem body of a refused checkout: an RFC 9457 problem plus what the client needs to fix the cart. Each list
 * is left out when empty.
 *
 * <p>Only an exception mapper's {@code Response} carries it, which Quarkus cannot see through at build time: it is
 * registered for reflection with what it holds ({@link PriceChange}, {@link Shortage}) for the native executable.
 */
@RegisterForReflection(targets = {CheckoutProblem.class, PriceChange.class, Shortage.class})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "CheckoutProblem", description = "A Problem with the lines that stop a checkout (409, 422)")
public record CheckoutProblem(
        @JsonUnwrapped Problem problem,

        @Schema(description = "Price changed (409): lines whose price changed since they were put in the cart")
        List<PriceChange> priceChanges,

        @Schema(description = "Unavailable items (422): skus that are unknown, inactive or taken out of stock")
        List<String> unavailableSkus,

        @Schema(description = "Out of stock (409): lines that ask for more than is left, and what is left")
        List<Shortage> shortages) {}
