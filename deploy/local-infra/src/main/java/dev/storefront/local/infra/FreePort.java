package dev.storefront.local.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback port helpers for servers started by the local stack and the tests.
 *
 * <p>A picked port is bound only later, by another process (a service's JVM, PostgreSQL, a container), often seconds
 * later on a busy machine. A port the kernel hands out for {@code bind(0)} comes from its ephemeral range, the range
 * every outgoing connection also takes its local port from, so in between a service's connection pool or an HTTP client
 * could take it (a container smoke test failed that way: "Port 38657 seems to be in use"). So ports are picked below
 * that range, where only an explicit bind can take one, and this JVM hands out a port again only after it has gone
 * through the whole range.
 */
public final class FreePort {
    /** The lowest port picked: above the shop's fixed ports (8080–9084, 15432, 19000). */
    static final int LOWEST = 20_000;
    /** Where Linux's ephemeral range starts unless configured otherwise ({@code net.ipv4.ip_local_port_range}). */
    private static final int EPHEMERAL_DEFAULT = 32_768;
    /** Fewer ports than this below the ephemeral range, and picking falls back to the kernel's choice. */
    private static final int ENOUGH = 1_000;

    private static final int END = Math.min(ephemeralStart(), EPHEMERAL_DEFAULT);
    /** Where the next pick starts looking: random at first, so that JVMs started together do not try the same ports. */
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(Math.max(END - LOWEST, 1)));

    private FreePort() {}

    /**
     * A port that was free on 127.0.0.1 a moment ago and that no outgoing connection can take; callers still verify
     * that the server they start answers.
     */
    public static int pick() {
        int size = END - LOWEST;
        if (size >= ENOUGH) {
            for (int tried = 0; tried < size; tried++) {
                int port = LOWEST + Math.floorMod(NEXT.getAndIncrement(), size);
                if (isFree(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** True when nothing accepts connections on 127.0.0.1:{@code port}. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range: Linux's setting where it can be read, else its default. */
    static int ephemeralStart() {
        // Read line-wise: procfs files report no true size, and a read sized by it can come back cut short.
        try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return EPHEMERAL_DEFAULT;
        }
    }
}
