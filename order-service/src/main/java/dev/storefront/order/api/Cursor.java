package dev.storefront.order.api;

import dev.storefront.order.domain.Orders;
import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** The opaque history cursor: the position of the last order on a page, base64url-encoded. */
final class Cursor {
    private Cursor() {}

    static String encode(Orders.Position p) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, p.createdAt());
        String raw = micros + "_" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Orders.Position> decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int sep = raw.indexOf('_');
            Instant at = Instant.EPOCH.plus(Long.parseLong(raw.substring(0, sep)), ChronoUnit.MICROS);
            return Optional.of(new Orders.Position(at, UUID.fromString(raw.substring(sep + 1))));
        } catch (RuntimeException e) {
            throw new BadRequestException("The cursor is not valid; use nextCursor from a previous page");
        }
    }
}
