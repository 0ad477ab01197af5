package dev.storefront.defaults;

import dev.storefront.defaults.http.RequestIds;
import dev.storefront.defaults.tracing.Traces;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/** What a service's log line would carry: the ids in the MDC, now and in work continued later under a stored trace. */
@Path("/test/trace")
@Produces(MediaType.APPLICATION_JSON)
public class TraceTestResource {
    private final Traces traces;

    public TraceTestResource(Traces traces) {
        this.traces = traces;
    }

    @GET
    public Map<String, String> now() {
        Map<String, String> ids = logContext();
        ids.put("stored", Traces.currentParent());
        return ids;
    }

    /** Work done later, e.g. an outbox delivery, under the {@code traceparent} stored with it (none when absent). */
    @GET
    @Path("/later")
    public Map<String, String> later(@QueryParam("stored") String stored) {
        return RequestIds.logUnder(
                "later", () -> traces.continueTrace(stored, "test later", TraceTestResource::logContext));
    }

    private static Map<String, String> logContext() {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : new String[] {"requestId", "traceId", "spanId"}) {
            Object value = MDC.get(key);
            ids.put(key, value == null ? null : value.toString());
        }
        return ids;
    }
}
