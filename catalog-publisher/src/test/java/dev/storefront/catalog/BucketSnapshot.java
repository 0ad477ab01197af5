package dev.storefront.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Reads the published bucket back the way a shopper's browser (through CloudFront) would see it. */
record BucketSnapshot(Map<String, String> versions) {

    /** Every key with its ETag and last-modified time: a rewrite or a change of content shows as a difference. */
    static BucketSnapshot of(S3Client s3, String bucket) {
        Map<String, String> versions = new TreeMap<>();
        s3.listObjectsV2Paginator(r -> r.bucket(bucket))
                .contents()
                .forEach(o -> versions.put(o.key(), o.eTag() + "@" + o.lastModified()));
        return new BucketSnapshot(versions);
    }

    /** Keys added, removed or changed since {@code before}. */
    Set<String> changedSince(BucketSnapshot before) {
        Set<String> changed = new TreeSet<>();
        versions.forEach((k, v) -> {
            if (!v.equals(before.versions.get(k))) {
                changed.add(k);
            }
        });
        before.versions.keySet().stream().filter(k -> !versions.containsKey(k)).forEach(changed::add);
        return changed;
    }

    static String text(S3Client s3, String bucket, String key) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8);
    }

    static HeadObjectResponse head(S3Client s3, String bucket, String key) {
        return s3.headObject(r -> r.bucket(bucket).key(key));
    }

    static boolean exists(S3Client s3, String bucket, String key) {
        return !s3.listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents().stream()
                .filter(o -> o.key().equals(key))
                .toList()
                .isEmpty();
    }
}
