package dev.storefront.order.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.jboss.logging.MDC;

/**
 * Sends the id of the request being served (or of the outbox message being delivered) along on calls to other
 * services, so their log lines for this work carry the same id as ours. The id is whatever {@code api.RequestIds} or
 * {@code OutboxRelay} put into the logging MDC; a call made outside both carries none and the callee makes its own.
 */
public class RequestIdPropagation implements ClientRequestFilter {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    @Override
    public void filter(ClientRequestContext request) {
        Object id = MDC.get(MDC_KEY);
        if (id != null) {
            request.getHeaders().putSingle(HEADER, id.toString());
        }
    }
}
