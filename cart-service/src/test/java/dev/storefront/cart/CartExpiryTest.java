package dev.storefront.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.cart.domain.CartExpiry;
import dev.storefront.local.infra.JwtTestResource;
import dev.storefront.local.infra.PostgresTestResource;
import dev.storefront.local.infra.S3TestResource;
import dev.storefront.local.infra.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Idle carts are purged (30 days anonymous, 90 days signed-in); active ones stay. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "service", value = "cart-service"))
@WithTestResource(S3TestResource.class)
@WithTestResource(JwtTestResource.class)
@WithTestResource(CartTestSettings.class)
class CartExpiryTest {
    @Inject
    CartExpiry expiry;

    @Inject
    AgroalDataSource dataSource;

    private final TestCatalog catalog = TestCatalog.ofAppUnderTest();

    @Test
    void purgesOnlyIdleCarts() throws SQLException {
        String sku = catalog.publish(TestCatalog.newSku(), 100);
        var idleAnon = CartClient.anonymous().create().extract();
        CartClient.withToken(idleAnon.path("token"))
                .put(idleAnon.path("id"), sku, 1)
                .statusCode(200);
        var activeAnon = CartClient.anonymous().create().extract();
        String idleOwnerBearer = TestTokens.customer(UUID.randomUUID());
        String idleOwned =
                CartClient.withBearer(idleOwnerBearer).create().extract().path("id");
        String recentOwnerBearer = TestTokens.customer(UUID.randomUUID());
        String recentOwned =
                CartClient.withBearer(recentOwnerBearer).create().extract().path("id");

        Instant now = Instant.now();
        idleSince(idleAnon.path("id"), now.minus(Duration.ofDays(31)));
        idleSince(activeAnon.path("id"), now.minus(Duration.ofDays(29)));
        idleSince(idleOwned, now.minus(Duration.ofDays(91)));
        idleSince(recentOwned, now.minus(Duration.ofDays(45)));

        assertTrue(expiry.purgeIdleAt(now) >= 2);
        assertEquals(0, expiry.purgeIdleAt(now), "a second run, e.g. on another instance, finds nothing");

        CartClient.withToken(idleAnon.path("token")).get(idleAnon.path("id")).statusCode(404);
        CartClient.withToken(activeAnon.path("token"))
                .get(activeAnon.path("id"))
                .statusCode(200);
        CartClient.withBearer(idleOwnerBearer).get(idleOwned).statusCode(404);
        CartClient.withBearer(recentOwnerBearer).get(recentOwned).statusCode(200);
        assertEquals(0, count("SELECT count(*) FROM cart_line WHERE cart_id = '" + idleAnon.path("id") + "'"));
    }

    private void idleSince(String cartId, Instant when) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var ps = c.prepareStatement("UPDATE cart SET updated_at = ? WHERE id = ?::uuid")) {
            ps.setTimestamp(1, Timestamp.from(when));
            ps.setString(2, cartId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
