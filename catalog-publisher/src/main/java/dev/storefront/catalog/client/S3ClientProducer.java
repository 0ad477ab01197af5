package dev.storefront.catalog.client;

import dev.storefront.catalog.config.CatalogConfig;
import dev.storefront.catalog.config.S3Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The one S3 client of this service, built from {@link S3Settings}. */
@ApplicationScoped
public class S3ClientProducer {

    @Produces
    @ApplicationScoped
    S3Client s3Client(S3Settings settings, CatalogConfig config) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Uploads carry Content-MD5; skipping the SDK's extra CRC32 saves a pass over every body.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                // One pooled connection per upload in flight, plus a few for reads; generous timeouts, since a busy
                // S3 endpoint may accept slowly while a publish keeps many uploads going.
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(config.publish().parallelism() + 4)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKeyId().get(), settings.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }
}
