package dev.storefront.local.shop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the storefront's scripts do, from a test: JSON calls to {@code /api/*} and page loads, all through the edge. */
final class ShopClient {
    static final String ADDRESS = """
            {"name":"Grace Hopper","line1":"1 Compiler Way","city":"Arlington","postalCode":"22201","country":"US"}""";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer from the edge: status, parsed JSON body (missing when not JSON) and headers. */
    record Reply(int status, String text, HttpHeaders headers) {
        JsonNode json() {
            try {
                return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        String field(String name) {
            return json().path(name).asText();
        }

        /** The problem type's last path segment ({@code …/price-changed}), or the status when there is none. */
        String kind() {
            String type = json().path("type").asText("");
            return type.isEmpty() || type.equals("about:blank")
                    ? Integer.toString(status)
                    : status + " " + type.substring(type.lastIndexOf('/') + 1);
        }
    }

    /** A signed-up customer with an access token and their one cart. */
    record Shopper(String customerId, String token, String cartId) {}

    private final HttpClient http;
    private final String edge;

    ShopClient(int edgePort) {
        this.edge = "http://127.0.0.1:" + edgePort;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    Reply get(String path, String token) throws IOException {
        return send("GET", path, token, null);
    }

    /** {@code headers} are name, value pairs. */
    Reply send(String method, String path, String token, String json, String... headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(edge + path))
                .timeout(Duration.ofSeconds(15))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Signs up a new account, signs in with its password and fetches the shopper's cart. */
    Shopper signUp() throws IOException {
        return signUpAs("fault-" + UUID.randomUUID() + "@example.test", "Fault-" + UUID.randomUUID());
    }

    Shopper signUpAs(String email, String password) throws IOException {
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"";
        Reply account = expect(201, send("POST", "/api/accounts", null, credentials + ",\"name\":\"Grace\"}"));
        String token = signIn(email, password);
        Reply cart = send("POST", "/api/carts", token, null);
        if (cart.status() != 200 && cart.status() != 201) {
            throw new IllegalStateException("POST /api/carts answered " + cart.status() + ": " + cart.text());
        }
        return new Shopper(account.field("id"), token, cart.field("id"));
    }

    /** A fresh access token for the account, with the groups it has now. */
    String signIn(String email, String password) throws IOException {
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        return expect(200, send("POST", "/api/accounts/login", null, credentials))
                .field("accessToken");
    }

    /** The skus of the published catalog's in-stock products, once catalog-publisher has published it. */
    List<String> publishedSkus(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Reply index = get("/catalog/index.json", null);
            if (index.status() == 200) {
                List<String> skus = inStockSkus(index.json());
                if (!skus.isEmpty()) {
                    return skus;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The catalog was not published within " + timeout.toSeconds() + " s");
    }

    /** The in-stock skus of the listing documents the index names for each category. */
    private List<String> inStockSkus(JsonNode index) throws IOException {
        List<String> skus = new ArrayList<>();
        for (JsonNode category : index.path("categories")) {
            for (JsonNode url : category.path("listings")) {
                Reply listing = get(url.asText(), null);
                if (listing.status() != 200) {
                    return List.of(); // published in the meantime: the caller asks again
                }
                for (JsonNode product : listing.json().path("products")) {
                    if (product.path("stockStatus").asText().equals("IN_STOCK")) {
                        skus.add(product.path("sku").asText());
                    }
                }
            }
        }
        return skus;
    }

    /** Sets the quantity of {@code sku} in the shopper's cart. */
    Reply putItem(Shopper shopper, String sku, int quantity) throws IOException {
        return send(
                "PUT",
                "/api/carts/" + shopper.cartId() + "/items/" + sku,
                shopper.token(),
                "{\"quantity\":" + quantity + "}");
    }

    /** Sets how many of {@code sku} can be sold, as an admin does. */
    Reply setStock(String adminToken, String sku, int available) throws IOException {
        return expect(200, send("PUT", "/api/orders/stock/" + sku, adminToken, "{\"available\":" + available + "}"));
    }

    /** How many of {@code sku} can still be sold, as an admin reads it. */
    int stock(String adminToken, String sku) throws IOException {
        return expect(200, get("/api/orders/stock/" + sku, adminToken))
                .json()
                .path("available")
                .asInt();
    }

    /** Checks out the shopper's cart to {@link #ADDRESS} under {@code idempotencyKey}. */
    Reply checkout(Shopper shopper, String idempotencyKey) throws IOException {
        String body = "{\"cartId\":\"" + shopper.cartId() + "\",\"shippingAddress\":" + ADDRESS + "}";
        return send("POST", "/api/orders", shopper.token(), body, "Idempotency-Key", idempotencyKey);
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + reply.status() + ": " + reply.text());
        }
        return reply;
    }
}
