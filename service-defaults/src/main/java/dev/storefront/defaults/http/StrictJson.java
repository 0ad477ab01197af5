package dev.storefront.defaults.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies are read strictly: Jackson would silently truncate {@code {"quantity": 2.5}} to 2, and unknown
 * fields are refused too ({@code quarkus.jackson.fail-on-unknown-properties}, set by this library's defaults), so a
 * typo in a field name is a 400 instead of a silently ignored value. Every string, wherever it sits (a field, a list
 * element, a map key), must be {@linkplain SafeText safe text}: one check here instead of one per request record.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
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
