package dev.storefront.defaults.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request bodies are read strictly: Jackson would silently truncate {@code {"quantity": 2.5}} to 2, and unknown
 * fields are refused too ({@code quarkus.jackson.fail-on-unknown-properties}, set by this library's defaults), so a
 * typo in a field name is a 400 instead of a silently ignored value.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
