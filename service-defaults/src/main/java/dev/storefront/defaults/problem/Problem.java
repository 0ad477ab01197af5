package dev.storefront.defaults.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: the body of every error a service returns. A service that adds members of its own wraps
 * this record with {@code @JsonUnwrapped} in a record of its api package, so its OpenAPI document lists them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
public record Problem(
        @Schema(description = "A URI naming the kind of problem; listed in each service's README")
        String type,

        String title,
        int status,
        String detail,
        @Schema(description = "The request path") String instance,

        @Schema(description = "Validation errors only: one entry per invalid field")
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request, e.g. {@code quantity: must be between 1 and 99}. */
    public record Violation(String field, String message) {}

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, List.of());
    }
}
