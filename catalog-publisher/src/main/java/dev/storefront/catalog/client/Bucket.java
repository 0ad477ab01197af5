package dev.storefront.catalog.client;

import dev.storefront.defaults.s3.S3Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The storefront bucket as the publisher sees it: ETags to compare against, objects to put and delete. */
@ApplicationScoped
public class Bucket {
    private static final int DELETE_BATCH = 1000;

    private final S3Client s3;
    private final String name;

    public Bucket(S3Client s3, S3Settings settings) {
        this.s3 = s3;
        this.name = settings.bucket();
    }

    /** The ETag (without quotes) of every object whose key starts with {@code prefix}. */
    public Map<String, String> etags(String prefix) {
        Map<String, String> etags = new HashMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(name).prefix(prefix)).contents().stream()
                .forEach(o -> etags.put(o.key(), unquote(o)));
        return etags;
    }

    /** The ETag of one object, or empty when there is no such object. */
    public Optional<String> etag(String key) {
        return unlessMissing(
                () -> unquote(s3.headObject(r -> r.bucket(name).key(key)).eTag()));
    }

    /** The body of one object, or empty when there is no such object. */
    public Optional<byte[]> read(String key) {
        return unlessMissing(
                () -> s3.getObjectAsBytes(r -> r.bucket(name).key(key)).asByteArray());
    }

    /** What {@code call} on one object answers, or empty when the bucket has no such object. */
    private static <T> Optional<T> unlessMissing(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void put(BucketObject object) {
        String contentMd5 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(object.md5()));
        s3.putObject(
                r -> r.bucket(name)
                        .key(object.key())
                        .contentType(object.contentType())
                        .cacheControl(object.cacheControl())
                        .contentMD5(contentMd5),
                RequestBody.fromBytes(object.body()));
    }

    public void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = new ArrayList<>();
            keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH))
                    .forEach(k -> batch.add(ObjectIdentifier.builder().key(k).build()));
            s3.deleteObjects(r -> r.bucket(name)
                    .delete(Delete.builder().objects(batch).quiet(true).build()));
        }
    }

    private static String unquote(S3Object object) {
        return unquote(object.eTag());
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }
}
