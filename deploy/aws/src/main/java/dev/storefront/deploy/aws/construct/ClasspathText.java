package dev.storefront.deploy.aws.construct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads scripts and Lambda sources shipped in this jar, so they stay real files that editors and linters see. */
final class ClasspathText {
    private ClasspathText() {}

    static String read(String path) {
        try (InputStream in = ClasspathText.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
