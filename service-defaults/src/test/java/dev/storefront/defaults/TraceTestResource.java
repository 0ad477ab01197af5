package dev.storefront.defaults;

import dev.storefront.defaults.http.RequestIds;
import dev.storefront.defaults.tracing.Traces;
import io.smallrye.common.vertx.VertxContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /**
     * Work done later, e.g. an outbox delivery, under the {@code traceparent} stored with it (none when absent).
     *
     * <p>It runs where the relays' scheduled jobs run: on a worker, in a Vert.x context of its own. Run in the
     * request's context instead, it would race the event loop, where Quarkus's authentication handler puts the
     * request's trace context back after handing the request to the worker (quarkus#50310): now and then the work's
     * log lines would carry the request's trace id.
     */
    @GET
    @Path("/later")
    public Map<String, String> later(@QueryParam("stored") String stored) throws Exception {
        return VertxContext.createNewDuplicatedContext()
                .executeBlocking(
                        () -> RequestIds.logUnder(
                                "later",
                                () -> traces.continueTrace(stored, "test later", TraceTestResource::logContext)),
                        false)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
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
