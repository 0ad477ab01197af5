package dev.storefront.order;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the OpenTelemetry collector: takes OTLP/HTTP exports ({@code POST /v1/traces}, protobuf) and keeps
 * their bodies, so a test can tell which traces a service exported.
 */
public final class SpanCollector implements AutoCloseable {
    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private SpanCollector(HttpServer server) {
        this.server = server;
    }

    static SpanCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            SpanCollector collector = new SpanCollector(server);
            server.createContext("/", exchange -> {
                try (exchange;
                        InputStream body = exchange.getRequestBody()) {
                    if ("POST".equals(exchange.getRequestMethod())) {
                        collector.exports.add(body.readAllBytes());
                    }
                    // an empty ExportTraceServiceResponse: everything accepted
                    exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a service's {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether any export carried a span of trace {@code traceId} (32 hex digits: 16 bytes in the protobuf). */
    public boolean received(String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        return exports.stream().anyMatch(body -> contains(body, id));
    }

    private static boolean contains(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
