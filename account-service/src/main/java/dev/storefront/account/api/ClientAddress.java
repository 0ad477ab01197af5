package dev.storefront.account.api;

import dev.storefront.account.config.AccountConfig;
import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The address of the client behind our proxies, the key of the per-client sign-in limit. Each proxy appends to
 * {@code X-Forwarded-For} the address it got the request from, so only the right-most entries can be ours; anything
 * further left was sent by the client and may be forged. Counting entries alone is not enough either: a client that
 * reaches a later proxy directly (the ALB, bypassing CloudFront) makes its own header look like the earlier proxy's
 * entry. So the header is followed from the right one entry at a time, at most {@code FORWARDED_HOPS} entries, and only
 * while the address in hand is one of our proxies ({@code TRUSTED_PROXIES}): first the peer of this connection, then
 * each entry a trusted proxy added.
 */
@ApplicationScoped
public class ClientAddress {
    /** Bounded because it becomes a database key; no real address is longer. */
    private static final int MAX_LENGTH = 64;

    private final int hops;
    private final List<CidrAddress> proxies;

    public ClientAddress(AccountConfig config) {
        this.hops = Math.max(1, config.forwardedHops());
        this.proxies = config.trustedProxies();
    }

    public String of(HttpServerRequest request) {
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        List<String> forwarded = request.headers().getAll("X-Forwarded-For").stream()
                .flatMap(h -> Arrays.stream(h.split(",")))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        for (int hop = 1; hop <= hops && hop <= forwarded.size() && isProxy(address); hop++) {
            address = forwarded.get(forwarded.size() - hop);
        }
        return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
    }

    private boolean isProxy(String address) {
        InetAddress parsed = Inet.parseInetAddress(address); // a literal only: never a DNS lookup
        return parsed != null && proxies.stream().anyMatch(p -> p.matches(parsed));
    }
}
