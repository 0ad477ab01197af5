package dev.storefront.catalog.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One object to publish. {@code md5} is the hex MD5 of the body: what S3 reports as the ETag of a single-part upload,
 * so comparing the two tells whether the object in the bucket already holds this content.
 */
public record BucketObject(String key, byte[] body, String contentType, String cacheControl, String md5) {

    public static BucketObject of(String key, byte[] body, String contentType, String cacheControl) {
        return new BucketObject(key, body, contentType, cacheControl, md5Hex(body));
    }

    private static String md5Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
