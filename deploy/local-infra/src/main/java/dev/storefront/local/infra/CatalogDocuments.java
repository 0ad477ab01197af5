package dev.storefront.local.infra;

import java.util.Locale;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Product documents written into a bucket exactly as catalog-publisher publishes them ({@code
 * catalog/products/<sku>.json}, the contract in docs/architecture.md), for tests of the services that read them. Each
 * document also carries fields those services do not know, as a newer publisher's would.
 */
public class CatalogDocuments {
    private final S3Client s3;
    private final String bucket;

    public CatalogDocuments(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A fresh sku, so tests never share a product another test (or a cache) has seen. */
    public static String newSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** An active, in-stock product at {@code price} (minor units, EUR); returns its sku. */
    public String publish(String sku, long price) {
        return publish(sku, price, true, "IN_STOCK");
    }

    public String publish(String sku, long price, boolean active, String stockStatus) {
        return publish(sku, price, active, stockStatus, false);
    }

    /** The document catalog-publisher writes once order-service has told it the sku's stock ran out. */
    public String publishSoldOut(String sku, long price) {
        return publish(sku, price, true, "OUT_OF_STOCK", true);
    }

    private String publish(String sku, long price, boolean active, String stockStatus, boolean soldOut) {
        String json = """
                {"sku":"%s","slug":"%s","name":"Product %s","price":%d,"currency":"EUR","active":%s,
                 "stockStatus":"%s","soldOut":%s,"category":"tea","image":"/assets/%s.jpg",
                 "description":"unknown fields are fine","futureField":{"ignored":true}}
                """.formatted(sku, sku.toLowerCase(Locale.ROOT), sku, price, active, stockStatus, soldOut, sku);
        s3.putObject(b -> b.bucket(bucket).key(key(sku)).contentType("application/json"), RequestBody.fromString(json));
        return sku;
    }

    public void unpublish(String sku) {
        s3.deleteObject(b -> b.bucket(bucket).key(key(sku)));
    }

    private static String key(String sku) {
        return "catalog/products/" + sku + ".json";
    }
}
