package dev.storefront.local.infra.fuzz;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a running service's OpenAPI document (swagger-parser, references resolved) into {@link ApiOperation}s. */
public final class OpenApiDocument {
    private OpenApiDocument() {}

    /** The document at {@code http://127.0.0.1:<managementPort>/q/openapi}, where every service publishes it. */
    public static List<ApiOperation> fromManagementPort(int managementPort) {
        URI uri = URI.create("http://127.0.0.1:" + managementPort + "/q/openapi?format=json");
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + answer.statusCode());
            }
            return parse(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every operation of the document, ordered by path and method so that a run is reproducible. */
    public static List<ApiOperation> parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("Not an OpenAPI document: " + result.getMessages());
        }
        boolean securedByDefault =
                api.getSecurity() != null && !api.getSecurity().isEmpty();
        List<ApiOperation> operations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().readOperationsMap().entrySet()) {
                operations.add(
                        operation(path.getKey(), path.getValue(), entry.getKey(), entry.getValue(), securedByDefault));
            }
        }
        operations.sort(Comparator.comparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return List.copyOf(operations);
    }

    private static ApiOperation operation(
            String path, PathItem item, PathItem.HttpMethod method, Operation operation, boolean securedByDefault) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (List<Parameter> list : List.of(
                item.getParameters() == null ? List.<Parameter>of() : item.getParameters(),
                operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters())) {
            list.forEach(p -> parameters.put(p.getIn() + ":" + p.getName(), p));
        }
        io.swagger.v3.oas.models.media.Schema<?> body = null;
        String mediaType = null;
        boolean required = false;
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            var content = operation.getRequestBody().getContent();
            mediaType = content.containsKey("application/json")
                    ? "application/json"
                    : content.keySet().iterator().next();
            MediaType media = content.get(mediaType);
            body = media.getSchema();
            required = Boolean.TRUE.equals(operation.getRequestBody().getRequired());
        }
        boolean secured =
                operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault;
        return new ApiOperation(
                method.name(), path, List.copyOf(parameters.values()), body, mediaType, required, secured);
    }
}
