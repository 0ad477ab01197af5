package dev.storefront.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Reads the published bucket ({@link TestBucket}) back the way a shopper's browser (through CloudFront) would see it. */
record BucketSnapshot(Map<String, String> versions) {

    /** Every key with its ETag and last-modified time: a rewrite or a change of content shows as a difference. */
    static BucketSnapshot of() {
        Map<String, String> versions = new TreeMap<>();
        TestBucket.client()
                .listObjectsV2Paginator(r -> r.bucket(TestBucket.name()))
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

    static String text(String key) {
        return TestBucket.client()
                .getObjectAsBytes(r -> r.bucket(TestBucket.name()).key(key))
                .asString(StandardCharsets.UTF_8);
    }

    static HeadObjectResponse head(String key) {
        return TestBucket.client().headObject(r -> r.bucket(TestBucket.name()).key(key));
    }

    static boolean exists(String key) {
        return TestBucket.client()
                .listObjectsV2(r -> r.bucket(TestBucket.name()).prefix(key))
                .contents()
                .stream()
                .anyMatch(o -> o.key().equals(key));
    }
}
