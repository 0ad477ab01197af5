import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The checkout benchmark's stock: gives each sku named more than any run sells, so every order reserves its lines for
 * real without running out. Written straight into the shop's database as its superuser (trust, loopback only), since
 * the benchmark has no admin account; the rows are what {@code PUT /api/orders/stock/{sku}} writes.
 *
 * <p>{@code java -cp deploy/local-shop/target/local-shop.jar StockLevels.java <postgres-port> <sku>...}
 */
public class StockLevels {
    public static void main(String[] args) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + args[0] + "/storefront?user=postgres";
        try (Connection connection = DriverManager.getConnection(url);
                PreparedStatement stock = connection.prepareStatement(
                        "INSERT INTO orders.stock (sku, available, version, updated_at) VALUES (?, 1000000000, 1, now())"
                                + " ON CONFLICT (sku) DO UPDATE SET available = 1000000000,"
                                + " version = orders.stock.version + 1, updated_at = now()")) {
            for (int i = 1; i < args.length; i++) {
                stock.setString(1, args[i]);
                stock.executeUpdate();
            }
        }
        System.out.println("stock: " + (args.length - 1) + " skus at 1,000,000,000");
    }
}
