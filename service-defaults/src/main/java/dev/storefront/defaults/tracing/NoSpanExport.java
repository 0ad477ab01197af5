package dev.storefront.defaults.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Exports no span unless an OTLP endpoint is configured ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, or
 * {@code quarkus.otel.exporter.otlp[.traces].endpoint}).
 *
 * <p>Without an endpoint Quarkus 3.34 sends spans to {@code localhost:4317} anyway, and an empty endpoint falls back
 * to that default (quarkus#44200): every service would keep dialling a collector that is not there, and log that it
 * failed. Quarkus leaves its OTLP exporter out when the application has a {@link SpanExporter} bean of its own; this
 * bean, an exporter that sends nothing, exists only while no endpoint is set. Spans are still made, so trace and span
 * ids still reach the logs and the {@code traceparent} headers of calls to other services.
 */
@Singleton
public class NoSpanExport {
    /** Only a missing (or empty) endpoint equals this: a configured one never does. */
    private static final String UNSET = "";

    @Produces
    @Singleton
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = UNSET, lookupIfMissing = true)
    @LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = UNSET, lookupIfMissing = true)
    SpanExporter nowhere() {
        return SpanExporter.composite();
    }
}
