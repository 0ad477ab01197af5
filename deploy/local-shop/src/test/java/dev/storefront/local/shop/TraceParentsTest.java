package dev.storefront.local.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TraceParentsTest {
    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aValidTraceparentIsForwardedAsItCame() {
        assertEquals(VALID, TraceParents.forward(VALID));
        String unsampled = VALID.substring(0, VALID.length() - 2) + "00";
        assertEquals(unsampled, TraceParents.forward(unsampled));
    }

    @Test
    void anythingElseStartsANewSampledTrace() {
        for (String bad : Arrays.asList(
                null,
                "",
                "garbage",
                "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0".repeat(16) + "-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                VALID + "-extra")) {
            String forwarded = TraceParents.forward(bad);
            assertNotEquals(bad, forwarded);
            assertTrue(TraceParents.isValid(forwarded), forwarded);
            assertTrue(forwarded.endsWith("-01"), forwarded);
        }
        assertFalse(TraceParents.forward(null).equals(TraceParents.forward(null)), "each new trace has its own id");
    }
}
