package dev.storefront.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * A real S3 API on loopback: s3proxy in its own JVM, filesystem-backed (data kept) or transient (tests).
 *
 * <p>Every start gets fresh random keys, so a successful signed request proves the server answering is ours and not
 * some other process on the port.
 */
public final class LocalS3 implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LocalS3.class);
    /** Region the SDK signs for; s3proxy accepts any. */
    public static final String REGION = "us-east-1";
    /** A small, quick-starting JVM: enough for a shop's pages and the tests. */
    public static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final int port;
    private final String accessKey;
    private final String secretKey;

    private LocalS3(Process process, int port, String accessKey, String secretKey) {
        this.process = process;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /**
     * Starts s3proxy on {@code port}.
     *
     * @param storage the directory holding the buckets, or null for an in-memory store
     * @param workDirectory where the s3proxy jar, its configuration and its log go
     */
    public static LocalS3 start(Path storage, int port, Path workDirectory) {
        return start(storage, port, workDirectory, SMALL_JVM);
    }

    /** As {@link #start(Path, int, Path)}, with the s3proxy JVM's options (heap, GC, JIT) given. */
    public static LocalS3 start(Path storage, int port, Path workDirectory, List<String> jvmOptions) {
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("Port " + port + " is already in use; the S3 API cannot start there");
        }
        String accessKey = "local-" + Secrets.random(6);
        String secretKey = Secrets.random(20);
        try {
            Files.createDirectories(workDirectory);
            Properties config = new Properties();
            config.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
            config.setProperty("s3proxy.authorization", "aws-v2-or-v4");
            config.setProperty("s3proxy.identity", accessKey);
            config.setProperty("s3proxy.credential", secretKey);
            config.setProperty("jclouds.identity", accessKey);
            config.setProperty("jclouds.credential", secretKey);
            if (storage == null) {
                config.setProperty("jclouds.provider", "transient");
            } else {
                Files.createDirectories(storage);
                config.setProperty("jclouds.provider", "filesystem");
                config.setProperty(
                        "jclouds.filesystem.basedir", storage.toAbsolutePath().toString());
            }
            Path configFile = workDirectory.resolve("s3proxy-" + port + ".properties");
            try (var out = Files.newOutputStream(configFile)) {
                config.store(out, "storefront local S3 API");
            }
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", unpackJar(workDirectory).toString(), "--properties", configFile.toString()));
            Path log = workDirectory.resolve("s3proxy-" + port + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            LocalS3 s3 = new LocalS3(process, port, accessKey, secretKey);
            Runtime.getRuntime().addShutdownHook(new Thread(s3::close, "s3proxy-stop"));
            s3.awaitReady(Duration.ofSeconds(60), log);
            LOG.infof("S3 API ready on %s (%s)", s3.endpoint(), storage == null ? "in memory" : "data in " + storage);
            return s3;
        } catch (IOException e) {
            throw new UncheckedIOException("The S3 API did not start", e);
        }
    }

    /** An in-memory S3 API on a random port, for tests. */
    public static LocalS3 startTransient() {
        try {
            return start(null, FreePort.pick(), Files.createTempDirectory("storefront-s3-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** A client signed with this server's keys ({@link #client(URI, String, String, String)}). Callers close it. */
    public S3Client client() {
        return client(endpoint(), REGION, accessKey, secretKey);
    }

    /**
     * A path-style client of the S3 API at {@code endpoint}, signed with the given keys, on the Apache HTTP client as
     * in the services (HttpURLConnection's uploads to s3proxy failed now and then under load). For tests that reach
     * the S3 API of an app under test from settings alone. Callers close it.
     */
    public static S3Client client(URI endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    /** Creates {@code bucket} unless it exists. */
    public void ensureBucket(String bucket) {
        try (S3Client s3 = client()) {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (NoSuchBucketException e) {
                s3.createBucket(b -> b.bucket(bucket));
            }
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        Instant deadline = Instant.now().plus(timeout);
        SdkException last = null;
        try (S3Client s3 = client()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("s3proxy exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    s3.listBuckets();
                    return;
                } catch (SdkException e) {
                    last = e;
                }
                sleep(200);
            }
        }
        close();
        throw new IllegalStateException(
                "s3proxy did not answer signed requests within " + timeout + "; see " + log, last);
    }

    /** s3proxy's jar is bundled in this module; unpack it once per version next to the other local files. */
    private static Path unpackJar(Path workDirectory) throws IOException {
        Path jar = workDirectory.resolve("s3proxy.jar");
        try (InputStream in = LocalS3.class.getResourceAsStream("s3proxy.jar")) {
            if (in == null) {
                throw new IllegalStateException("s3proxy.jar is missing from local-infra; rebuild with ./mvnw install");
            }
            Path tmp = Files.createTempFile(workDirectory, "s3proxy", ".jar");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return jar;
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for s3proxy", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
