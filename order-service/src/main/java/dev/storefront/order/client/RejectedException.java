package dev.storefront.order.client;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * The called service answered with a 4xx: an answer, not a failure. Retrying cannot change it and it says nothing
 * about that service's health, so the fault-tolerant beans neither retry it nor count it in their circuit breakers.
 */
public class RejectedException extends RuntimeException {
    private final int status;

    public RejectedException(int status) {
        super("refused with HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Registered on the REST clients: turns every 4xx into a {@link RejectedException}; a 5xx stays a failure. */
    public static class Mapper implements ResponseExceptionMapper<RejectedException> {
        @Override
        public RejectedException toThrowable(Response response) {
            return new RejectedException(response.getStatus());
        }

        @Override
        public boolean handles(int status, MultivaluedMap<String, Object> headers) {
            return status >= 400 && status < 500;
        }
    }
}
