package dev.storefront.local.infra.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;

/**
 * One operation of a service's OpenAPI document, as the fuzzer needs it.
 *
 * @param method upper case, e.g. {@code PUT}
 * @param path the template, e.g. {@code /api/carts/{id}/items/{sku}}
 * @param parameters path, query and header parameters, references resolved
 * @param body the schema of the JSON request body, or {@code null} when the operation takes none
 * @param bodyMediaType the media type the body is declared with, e.g. {@code application/json}
 * @param secured whether the document asks for a bearer token ({@code security} on the operation or the document)
 */
public record ApiOperation(
        String method,
        String path,
        List<Parameter> parameters,
        Schema<?> body,
        String bodyMediaType,
        boolean bodyRequired,
        boolean secured) {

    /** {@code PUT /api/carts/{id}/items/{sku}}: how the report and a reproduction name the operation. */
    public String key() {
        return method + " " + path;
    }

    List<Parameter> in(String where) {
        return parameters.stream().filter(p -> where.equals(p.getIn())).toList();
    }

    boolean safe() {
        return method.equals("GET") || method.equals("HEAD");
    }
}
