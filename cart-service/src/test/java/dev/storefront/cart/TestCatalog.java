package dev.storefront.cart;

import dev.storefront.local.infra.CatalogDocuments;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.services.s3.S3Client;

/** The catalog contract's product documents, written into this service's bucket as catalog-publisher writes them. */
@Singleton
public class TestCatalog extends CatalogDocuments {
    public TestCatalog(S3Client s3) {
        super(s3, ConfigProvider.getConfig().getValue("cart.bucket", String.class));
    }
}
