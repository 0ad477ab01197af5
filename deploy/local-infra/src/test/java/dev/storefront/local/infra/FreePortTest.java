package dev.storefront.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Picked ports are ones no outgoing connection can take before the server meant for them binds: below the kernel's
 * ephemeral range, free, and not handed out twice.
 */
class FreePortTest {
    @Test
    void picksFreeDistinctPortsBelowTheEphemeralRange() throws IOException {
        int ephemeralStart = FreePort.ephemeralStart();
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            picked.add(FreePort.pick());
        }
        assertEquals(picked.size(), new HashSet<>(picked).size(), "a port was handed out twice: " + picked);
        for (int port : picked) {
            assertTrue(port >= FreePort.LOWEST && port < ephemeralStart, port + " is not below " + ephemeralStart);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, server.getLocalPort());
            }
        }
    }

    @Test
    void aPortSomeoneListensOnIsNotFree() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertFalse(FreePort.isFree(taken.getLocalPort()));
        }
    }
}
