package dev.storefront.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What the shoppers need before the run starts, read through the edge like everything else: the products they can buy
 * (from the published {@code /catalog/index.json}, the same contract cart- and order-service use) and the accounts that
 * returning buyers sign in with.
 */
final class ShopData {
    static final String PASSWORD = "Load-scenario-passphrase-2026";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;

    ShopData(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Products that can go in a cart (active and in stock): {@code sku}, {@code productUrl}. The index names each
     * category's listing documents, which list the products.
     */
    List<Map<String, Object>> purchasableProducts() {
        JsonNode index = getJson("/catalog/index.json");
        List<Map<String, Object>> products = new ArrayList<>();
        for (JsonNode category : index.path("categories")) {
            for (JsonNode listing : category.path("listings")) {
                for (JsonNode product : getJson(listing.asText()).path("products")) {
                    if (!"OUT_OF_STOCK".equals(product.path("stockStatus").asText())) {
                        products.add(Map.of(
                                "sku", product.path("sku").asText(),
                                "productUrl", product.path("url").asText()));
                    }
                }
            }
        }
        if (products.isEmpty()) {
            throw new IllegalStateException(
                    baseUrl + "/catalog/index.json lists no product in stock; is the catalog" + " published?");
        }
        return products;
    }

    /** Emails of the returning buyers' accounts; {@link #signUp} makes them before the run. */
    static List<Map<String, Object>> returningAccounts(String runId, int count) {
        return IntStream.range(0, count)
                .<Map<String, Object>>mapToObj(i -> Map.of("email", "returning-" + runId + "-" + i + "@example.com"))
                .toList();
    }

    void signUp(List<Map<String, Object>> accounts) {
        // A few at a time: each sign-up is an Argon2 hash, and the pool of hashes is bounded per instance anyway.
        accounts.parallelStream().forEach(account -> {
            String email = (String) account.get("email");
            String body =
                    "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Returning shopper\"}";
            int status = post("/api/accounts", body);
            if (status != 201 && status != 409) {
                throw new IllegalStateException("signing up " + email + " before the run: HTTP " + status);
            }
        });
    }

    private JsonNode getJson(String path) {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(baseUrl.resolve(path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + baseUrl + path + ": HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + baseUrl + path + " failed (is the shop running?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int post(String path, String json) {
        try {
            return client.send(
                            HttpRequest.newBuilder(baseUrl.resolve(path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + baseUrl + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
