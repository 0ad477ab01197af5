package dev.storefront.defaults.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps work that outlives its request in the request's trace. The HTTP server and the REST clients carry the W3C
 * trace context by themselves (quarkus-opentelemetry); work written down now and done later, such as an outbox
 * message, stores {@link #currentParent()} with it and runs under {@link #continueTrace}, so its log lines and its
 * calls to other services carry the trace id of the request that wrote it.
 */
@Singleton
public class Traces {
    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * The {@code traceparent} header of the current span (55 characters), to store with work done later; null when
     * there is no current span.
     */
    public static String currentParent() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a new span called {@code name}, a child of {@code traceparent} (stored by
     * {@link #currentParent()}), so its log lines carry that trace id and its calls pass it on. Without a usable
     * {@code traceparent} (null, or written before there was tracing) the span starts a trace of its own.
     *
     * <p>Meant for work that runs off any request, such as a scheduled relay. Inside a blocking endpoint the span would
     * share the request's Vert.x context with the event loop, which Quarkus 3.34's authentication handler may set back
     * to the request's trace at the same moment (quarkus#50310).
     */
    public <T> T continueTrace(String traceparent, String name, Supplier<T> work) {
        Context parent = traceparent == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance()
                        .extract(Context.root(), Map.of(TRACEPARENT, traceparent), StoredHeaders.INSTANCE);
        Span span = tracer.spanBuilder(name)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } finally {
            span.end();
        }
    }

    /** Reads the one stored header. */
    private enum StoredHeaders implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return List.copyOf(carrier.keySet());
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
