package dev.storefront.defaults.s3;

import io.quarkus.arc.properties.IfBuildProperty;
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
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The one S3 client of a service, built from {@link S3Settings}. It keeps a pool of connections (the Apache client:
 * {@code HttpURLConnection} mishandles {@code Expect: 100-continue} on uploads under load) and leaves out the SDK's
 * extra CRC32 of every upload, which already carries Content-MD5.
 *
 * <p>Uploads are sent whole, not {@code aws-chunked}: with chunked encoding on, the SDK signs every chunk over plain
 * HTTP (the local S3 API), and both it and the server spend more CPU per upload than on the body itself (measured in
 * catalog-publisher's publish benchmark, docs/performance.md). Without it, over HTTPS (real S3) the payload is
 * {@code UNSIGNED-PAYLOAD} as before, checked by S3 against the Content-MD5 the caller sends; over plain HTTP it is
 * signed by its SHA-256 in one pass. Bodies under 1 MiB are sent without {@code Expect: 100-continue}, which would
 * otherwise cost every small upload a wait for the server's interim answer.
 */
@ApplicationScoped
@IfBuildProperty(name = S3Settings.ENABLED, stringValue = "true")
public class S3ClientProducer {
    /** Uploads smaller than this skip {@code Expect: 100-continue}. */
    static final long EXPECT_CONTINUE_FROM_BYTES = 1024 * 1024;

    @Produces
    @ApplicationScoped
    S3Client s3Client(S3Settings settings) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder()
                        .chunkedEncodingEnabled(false)
                        .expectContinueThresholdInBytes(EXPECT_CONTINUE_FROM_BYTES)
                        .build())
                // Generous timeouts: a busy endpoint may accept slowly while a publish keeps many uploads going.
                // Calls that must be quick (reads at checkout, the readiness check) set their own apiCallTimeout.
                .httpClient(ApacheHttpClient.builder()
                        .maxConnections(settings.maxConnections())
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
