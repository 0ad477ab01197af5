package dev.storefront.local.infra.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request.
 *
 * @param operation {@link ApiOperation#key()}
 * @param index its number within the operation: with the seed it reproduces the case
 * @param defect what is wrong with it, e.g. {@code body: field 'quantity' = -1 (below minimum 1)}
 * @param declared whether the defect breaks what the operation declares (its body, parameters or security): such a
 *     request must be refused. When {@code false} the only oddity is input the operation does not read (an unknown
 *     query parameter, a body where none is taken), which a service may ignore.
 * @param auth who sends it, e.g. {@code none}, {@code customer}, {@code forged token}
 * @param pathAndQuery already percent-encoded
 * @param headers besides Authorization and Content-Type
 * @param authorization the Authorization header, or {@code null}
 * @param contentType the Content-Type header, or {@code null} for none
 * @param body the bytes sent, or {@code null} for no body
 * @param chunked whether the body is sent without a Content-Length (chunked), so that only the HTTP server's own limit
 *     can refuse it
 */
public record FuzzCase(
        String operation,
        int index,
        String defect,
        boolean declared,
        String method,
        String auth,
        String pathAndQuery,
        Map<String, String> headers,
        String authorization,
        String contentType,
        byte[] body,
        boolean chunked) {

    /** The request as the report shows it: method, target, headers and the start of the body. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(method)
                .append(' ')
                .append(pathAndQuery)
                .append("\n    auth: ")
                .append(auth);
        if (authorization != null) {
            text.append("\n    Authorization: ").append(abbreviate(authorization, 80));
        }
        if (contentType != null) {
            text.append("\n    Content-Type: ").append(contentType);
        }
        headers.forEach(
                (name, value) -> text.append("\n    ").append(name).append(": ").append(abbreviate(value, 80)));
        if (body != null) {
            text.append(chunked ? "\n    chunked body (" : "\n    body (")
                    .append(body.length)
                    .append(" bytes): ")
                    .append(abbreviate(new String(body, StandardCharsets.UTF_8), 300));
        }
        return text.toString();
    }

    static String abbreviate(String text, int max) {
        String shown = text.replace("\u0000", "\\u0000");
        return shown.length() <= max ? shown : shown.substring(0, max) + "… (" + shown.length() + " chars)";
    }
}
