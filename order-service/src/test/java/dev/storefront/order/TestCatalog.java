package dev.storefront.order;

import dev.storefront.local.infra.CatalogDocuments;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The catalog contract's product documents, written into the bucket of the app under test as catalog-publisher writes
 * them. Not a bean, so that integration tests (the packaged app in its own JVM) can use it too: {@link
 * CheckoutStackResource} makes one and hands it to fields marked {@link InjectCatalog}.
 */
public class TestCatalog extends CatalogDocuments {
    TestCatalog(S3Client s3, String bucket) {
        super(s3, bucket);
    }
}
