package dev.storefront.local.infra;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a service's token verification (smallrye-jwt) at the JWKS of {@link TestTokens}, with the issuer and audience
 * of account-service's tokens. Tests then call {@code TestTokens.customer(id)} for a real signed token. A service that
 * trusts order-service's service tokens (cart-service) gets the public key of {@link TestServiceTokens} as well.
 *
 * <p>The JWKS is served over HTTP on loopback with account-service's own {@code Cache-Control: max-age=300}, so a
 * service under test fetches and caches keys exactly as it does in production; it reads {@link TestTokens}' published
 * keys at each request, so a test can rotate keys ({@link TestTokens#publish}) and count fetches ({@link #fetches()}).
 */
public class JwtTestResource implements QuarkusTestResourceLifecycleManager {
    /** account-service's {@code Cache-Control} on its JWKS. */
    public static final String CACHE_CONTROL = "max-age=300";

    private static final AtomicInteger FETCHES = new AtomicInteger();

    private HttpServer server;

    /** How many times any service under test has fetched the JWKS so far. */
    public static int fetches() {
        return FETCHES.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks.json", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = TestTokens.jwksJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", CACHE_CONTROL);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
        return Map.of(
                "JWT_JWKS_URL", url, "JWT_ISSUER", TestTokens.ISSUER, "SERVICE_JWT_JWKS", TestServiceTokens.jwksJson());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
