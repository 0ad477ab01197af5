package dev.storefront.defaults.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string (a value or a field name) that is not {@linkplain SafeText#isSafe safe text}. Jackson adds the path of
 * the field to it; service-defaults' problem mappers answer it with a 400 that names the field.
 */
public class UnsafeTextException extends InvalidFormatException {
    UnsafeTextException(JsonParser parser, String text) {
        super(parser, "Text with a NUL character or an unpaired surrogate", text, String.class);
    }
}
