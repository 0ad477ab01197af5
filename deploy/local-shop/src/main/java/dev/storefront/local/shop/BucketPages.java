package dev.storefront.local.shop;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Serves the storefront from the bucket the way the CloudFront distribution does: GET/HEAD only, {@code /} and any
 * path ending in {@code /} map to {@code index.html}, the object's Content-Type, Cache-Control and ETag are passed on,
 * {@code If-None-Match} gives 304, and a missing key answers 404 with {@code /404.html}.
 */
final class BucketPages {
    private final S3Client s3;
    private final String bucket;

    BucketPages(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Edge.Responses.problem(exchange, 405, "Method Not Allowed", "The storefront pages are read-only");
            return;
        }
        String key = key(exchange.getRequestURI().getPath());
        if (key == null) {
            Edge.Responses.problem(exchange, 400, "Bad Request", "Not a valid page path");
            return;
        }
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).ifNoneMatch(ifNoneMatch));
            send(exchange, 200, object);
        } catch (NoSuchKeyException e) {
            notFound(exchange);
        } catch (S3Exception e) {
            if (e.statusCode() == 304) {
                exchange.getResponseHeaders().set("ETag", ifNoneMatch);
                Edge.Responses.send(exchange, 304, new byte[0]);
            } else {
                Edge.Responses.problem(exchange, 502, "Bad Gateway", "The bucket answered " + e.statusCode());
            }
        } catch (SdkException e) {
            Edge.Responses.problem(exchange, 502, "Bad Gateway", "The bucket is unreachable");
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        try {
            send(exchange, 404, s3.getObjectAsBytes(b -> b.bucket(bucket).key("404.html")));
        } catch (NoSuchKeyException e) {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            Edge.Responses.send(
                    exchange,
                    404,
                    "Not found. (Nothing has been published to the bucket yet?)".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange exchange, int status, ResponseBytes<GetObjectResponse> object)
            throws IOException {
        GetObjectResponse meta = object.response();
        var headers = exchange.getResponseHeaders();
        if (meta.contentType() != null) {
            headers.set("Content-Type", meta.contentType());
        }
        if (meta.cacheControl() != null) {
            headers.set("Cache-Control", meta.cacheControl());
        }
        if (meta.eTag() != null) {
            headers.set("ETag", meta.eTag());
        }
        if (meta.lastModified() != null) {
            headers.set(
                    "Last-Modified",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            meta.lastModified().atOffset(java.time.ZoneOffset.UTC)));
        }
        Edge.Responses.send(exchange, status, object.asByteArray());
    }

    /** The object key for a decoded request path, or null for paths that try to leave the bucket's namespace. */
    static String key(String path) {
        if (path.contains("..") || path.contains("\\") || !path.startsWith("/")) {
            return null;
        }
        String key = path.substring(1);
        return key.isEmpty() || key.endsWith("/") ? key + "index.html" : key;
    }
}
