package dev.storefront.defaults.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request an id that its log lines carry (MDC key {@value #MDC_KEY}, a field of the JSON log) and that the
 * response echoes in {@value #HEADER}, so one request can be followed through the logs of every service it touches.
 *
 * <p>The id comes from {@value #HEADER} (set by the local edge and by services calling each other). The AWS ALB sets
 * only {@code X-Amzn-Trace-Id}; its {@code Root} is used then, so the id also finds the request in the ALB's access
 * log. A value is accepted only when it is short and plain, because it is written into log lines; otherwise the
 * request gets a new UUID.
 */
@Singleton
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final String AMAZON_TRACE_HEADER = "X-Amzn-Trace-Id";

    /** Higher runs earlier: ahead of the resources and of any filter of lower priority, so their log lines see the id. */
    private static final int PRIORITY = 10_000;

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACE_ROOT = Pattern.compile("(?:^|;)\\s*Root=([^;]+)");

    void register(@Observes Filters filters) {
        filters.register(RequestIds::tag, PRIORITY);
    }

    private static void tag(RoutingContext request) {
        String id = idFor(request.request().getHeader(HEADER), request.request().getHeader(AMAZON_TRACE_HEADER));
        MDC.put(MDC_KEY, id);
        request.response().putHeader(HEADER, id);
        request.next();
    }

    /**
     * The id of the request being served, for the api layer to hand to work that outlives the request or calls
     * another service; empty outside a request.
     */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY)).map(Object::toString);
    }

    /** Runs background work (e.g. an outbox delivery) with its log lines under {@code id}, when there is one. */
    public static <T> T logUnder(String id, Supplier<T> work) {
        if (id == null) {
            return work.get();
        }
        Object previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        }
    }

    /** The sent request id if sane, else the sane {@code Root} of an Amazon trace id, else a new UUID. */
    static String idFor(String requestId, String amazonTraceId) {
        if (requestId != null && SANE.matcher(requestId).matches()) {
            return requestId;
        }
        if (amazonTraceId != null) {
            Matcher root = TRACE_ROOT.matcher(amazonTraceId);
            if (root.find() && SANE.matcher(root.group(1)).matches()) {
                return root.group(1);
            }
        }
        return UUID.randomUUID().toString();
    }
}
