package dev.storefront.local.infra.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads JSON Schemas (OpenAPI 3.0 and 3.1 forms) for the fuzzer: a plausible valid value for a schema, and the ways
 * a value can break what the schema declares.
 */
final class Schemas {
    /** Tried in order for a string with a {@code pattern}: the first that matches is the valid base value. */
    private static final List<String> PATTERN_CANDIDATES = List.of(
            "FUZZ-123",
            "fuzz",
            "fuzz-one",
            "EUR",
            "DE",
            "de",
            "12345",
            "abc",
            "a",
            "A1",
            "images/fuzz.png",
            "Fuzz Name",
            "fuzz@example.test",
            UUID.nameUUIDFromBytes(new byte[0]).toString());

    private Schemas() {}

    /** {@code string}, {@code integer}, … ; in 3.1 the first of {@code types} that is not {@code null}. */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return "object";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (String t : schema.getTypes()) {
                if (!"null".equals(t)) {
                    return t;
                }
            }
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0) instanceof String ? "string" : "object";
        }
        Schema<?> composed = composedPart(schema);
        return composed == null ? "any" : type(composed);
    }

    /** The first part of an {@code allOf}/{@code oneOf}/{@code anyOf} that says something. */
    static Schema<?> composedPart(Schema<?> schema) {
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (parts != null) {
                for (Schema<?> part : parts) {
                    if (part != null && !"null".equals(part.getType())) {
                        return part;
                    }
                }
            }
        }
        return null;
    }

    /** The properties of an object schema, also when they are declared in an {@code allOf} part. */
    static Map<String, Schema> properties(Schema<?> schema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        if (schema.getAllOf() != null) {
            for (Schema<?> part : schema.getAllOf()) {
                if (part.getProperties() != null) {
                    properties.putAll(part.getProperties());
                }
            }
        }
        if (schema.getProperties() != null) {
            properties.putAll(schema.getProperties());
        }
        return properties;
    }

    static List<String> required(Schema<?> schema) {
        List<String> required = new ArrayList<>();
        if (schema.getAllOf() != null) {
            for (Schema<?> part : schema.getAllOf()) {
                if (part.getRequired() != null) {
                    required.addAll(part.getRequired());
                }
            }
        }
        if (schema.getRequired() != null) {
            required.addAll(schema.getRequired());
        }
        return required;
    }

    static boolean nullable(Schema<?> schema) {
        return Boolean.TRUE.equals(schema.getNullable())
                || (schema.getTypes() != null && schema.getTypes().contains("null"));
    }

    /** A value that should satisfy the schema: its example or default if any, else one made up from its bounds. */
    static Object validValue(Schema<?> schema, Random random, int depth) {
        if (schema == null) {
            return "fuzz";
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(random.nextInt(schema.getEnum().size()));
        }
        if (schema.getExample() != null && !(schema.getExample() instanceof Map)) {
            return schema.getExample();
        }
        switch (type(schema)) {
            case "object":
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 6) {
                    properties(schema)
                            .forEach((name, property) -> object.put(name, validValue(property, random, depth + 1)));
                }
                return object;
            case "array":
                List<Object> array = new ArrayList<>();
                int min = schema.getMinItems() == null ? 1 : Math.max(1, schema.getMinItems());
                for (int i = 0; i < min && depth < 6; i++) {
                    array.add(validValue(schema.getItems(), random, depth + 1));
                }
                return array;
            case "integer":
                return validNumber(schema).toBigInteger();
            case "number":
                return validNumber(schema);
            case "boolean":
                return Boolean.TRUE;
            case "string":
                return validString(schema, random);
            default:
                return "fuzz";
        }
    }

    private static BigDecimal validNumber(Schema<?> schema) {
        BigDecimal low = lowerBound(schema);
        BigDecimal high = upperBound(schema);
        if (low != null) {
            return low.add(BigDecimal.ONE).min(high == null ? low.add(BigDecimal.ONE) : high);
        }
        return high != null ? high.min(BigDecimal.ONE) : BigDecimal.ONE;
    }

    static BigDecimal lowerBound(Schema<?> schema) {
        if (schema.getMinimum() != null) {
            return Boolean.TRUE.equals(schema.getExclusiveMinimum())
                    ? schema.getMinimum().add(BigDecimal.ONE)
                    : schema.getMinimum();
        }
        if (schema.getExclusiveMinimumValue() != null) {
            return schema.getExclusiveMinimumValue().add(BigDecimal.ONE);
        }
        return null;
    }

    static BigDecimal upperBound(Schema<?> schema) {
        if (schema.getMaximum() != null) {
            return Boolean.TRUE.equals(schema.getExclusiveMaximum())
                    ? schema.getMaximum().subtract(BigDecimal.ONE)
                    : schema.getMaximum();
        }
        if (schema.getExclusiveMaximumValue() != null) {
            return schema.getExclusiveMaximumValue().subtract(BigDecimal.ONE);
        }
        return null;
    }

    static String validString(Schema<?> schema, Random random) {
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        String value =
                switch (format) {
                    case "uuid" -> uuid(random).toString();
                    case "email" -> "fuzz@example.test";
                    case "date-time" -> "2026-01-01T00:00:00Z";
                    case "date" -> "2026-01-01";
                    case "uri", "url" -> "https://example.test/fuzz";
                    default -> "fuzz";
                };
        if (schema.getPattern() != null) {
            Pattern pattern = Pattern.compile(schema.getPattern());
            // Whole-text matches first (what @Pattern asks), then JSON Schema's search semantics (e.g. \S, @NotBlank).
            for (String candidate : PATTERN_CANDIDATES) {
                if (pattern.matcher(candidate).matches() && fitsLength(schema, candidate)) {
                    return candidate;
                }
            }
            for (String candidate : PATTERN_CANDIDATES) {
                if (pattern.matcher(candidate).find() && fitsLength(schema, candidate)) {
                    return candidate;
                }
            }
        }
        int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
        int max = schema.getMaxLength() == null ? Integer.MAX_VALUE : schema.getMaxLength();
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }

    /** A version 4 UUID drawn from the case's own random source, so that a run can be replayed. */
    static UUID uuid(Random random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static boolean fitsLength(Schema<?> schema, String value) {
        return (schema.getMinLength() == null || value.length() >= schema.getMinLength())
                && (schema.getMaxLength() == null || value.length() <= schema.getMaxLength());
    }
}
