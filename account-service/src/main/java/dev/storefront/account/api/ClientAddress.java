package dev.storefront.account.api;

import dev.storefront.account.config.AccountConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;

/**
 * The address of the client behind the edge. Proxies append to {@code X-Forwarded-For}, so only the entries they added
 * (counted from the right) can be trusted; anything further left was sent by the client and may be forged.
 */
@ApplicationScoped
public class ClientAddress {
    private final int hops;

    public ClientAddress(AccountConfig config) {
        this.hops = Math.max(1, config.forwardedHops());
    }

    public String of(HttpServerRequest request) {
        List<String> forwarded = request.headers().getAll("X-Forwarded-For").stream()
                .flatMap(h -> Arrays.stream(h.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (forwarded.isEmpty()) {
            return request.remoteAddress() == null
                    ? "unknown"
                    : request.remoteAddress().hostAddress();
        }
        String client = forwarded.get(Math.max(0, forwarded.size() - hops));
        // Bounded because it becomes a database key; no real address is longer.
        return client.length() > 64 ? client.substring(0, 64) : client;
    }
}
