package dev.storefront.defaults.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies are read strictly: Jackson would silently truncate {@code {"quantity": 2.5}} to 2, and would take
 * {@code {"password": 42}} as the text "42", {@code {"name": true}} as "true" and {@code {"quantity": "12"}} as 12;
 * each of these is a 400 here (a wrong type is a client's bug, and a login with a number for a password must not be
 * counted as an attempt). Unknown fields are refused too ({@code quarkus.jackson.fail-on-unknown-properties}, set by this library's defaults), so a
 * typo in a field name is a 400 instead of a silently ignored value. Every string, wherever it sits (a field, a list
 * element, a map key), must be {@linkplain SafeText safe text}: one check here instead of one per request record.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // A number or a boolean where text is expected, and text where a number or a boolean is.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("safe-text")
                .addDeserializer(String.class, new SafeStrings())
                .addKeyDeserializer(String.class, new SafeKeys()));
    }

    /**
     * Jackson's own string reading plus the check. Not marked as Jackson's standard implementation, so collections,
     * arrays and maps of strings use it for their elements too.
     */
    private static final class SafeStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return requireSafe(super.deserialize(parser, context), parser);
        }
    }

    private static final class SafeKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return requireSafe(key, context.getParser());
        }
    }

    private static String requireSafe(String text, JsonParser parser) throws UnsafeTextException {
        if (text != null && !SafeText.isSafe(text)) {
            throw new UnsafeTextException(parser, text);
        }
        return text;
    }
}
