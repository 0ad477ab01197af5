package dev.storefront.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Publishes product documents into the bucket exactly as catalog-publisher does: the real contract. */
@ApplicationScoped
public class TestCatalog {
    private final S3Client s3;

    public TestCatalog(S3Client s3) {
        this.s3 = s3;
    }

    /** A fresh sku, so tests never share a product cached by cart-service. */
    public static String newSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public String publish(String sku, long price) {
        return publish(sku, price, true, "IN_STOCK");
    }

    public String publish(String sku, long price, boolean active, String stockStatus) {
        String json = """
                {"sku":"%s","slug":"%s","name":"Product %s","price":%d,"currency":"EUR","active":%s,
                 "stockStatus":"%s","category":"tea","image":"/assets/%s.jpg","futureField":{"ignored":true}}
                """.formatted(sku, sku.toLowerCase(), sku, price, active, stockStatus, sku);
        s3.putObject(
                b -> b.bucket(bucket()).key("catalog/products/" + sku + ".json").contentType("application/json"),
                RequestBody.fromString(json));
        return sku;
    }

    private static String bucket() {
        return ConfigProvider.getConfig().getValue("order.bucket", String.class);
    }
}
