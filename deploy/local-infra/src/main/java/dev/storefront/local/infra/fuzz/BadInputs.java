package dev.storefront.local.infra.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.local.infra.TestTokens;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Generates bad requests for one operation, each invalid by construction: every case breaks one thing the operation
 * declares (its JSON body, a parameter, its content type, its bearer token) on top of an otherwise plausible request.
 * Case {@code i} of an operation depends on the seed, the operation and {@code i} only.
 */
final class BadInputs {
    /** Written into a string, then replaced in the JSON text by an escaped unpaired surrogate. */
    private static final String LONE_SURROGATE = "__fuzz_lone_surrogate__";

    private static final String NUL = "\u0000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> MALFORMED_JSON = List.of(
            "{",
            "}",
            "{\"a\":}",
            "{'a': 1}",
            "{\"a\":1,}",
            "[1,2",
            "{} {}",
            "{}x",
            "nul",
            "\"unterminated",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "/* comment */ {}",
            "{\"a\":\"\\x\"}",
            "{\"a\" 1}",
            "{\"a\":tru}",
            "[".repeat(5000),
            "{\"a\":".repeat(3000),
            "\uFFFF",
            "<xml/>",
            "a=1&b=2");
    private static final List<String> WRONG_TOP_LEVEL =
            List.of("[]", "[{}]", "\"text\"", "42", "-1", "true", "null", "0.5");
    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=fuzz",
            "application/octet-stream",
            "image/png",
            "text/html; charset=utf-8",
            "application/json-patch+json",
            "application/problem+xml",
            "fuzz/fuzz",
            "not a media type");
    private static final List<String> BAD_PATH_TEXT = List.of(
            "not-a-uuid",
            "1",
            "-1",
            "0",
            "99999999999999999999999999",
            "null",
            "undefined",
            "true",
            "' OR '1'='1",
            "<script>alert(1)</script>",
            "ü",
            "%",
            "a b",
            "{id}",
            "${jndi:ldap://x}",
            "x".repeat(200),
            "9".repeat(1500),
            "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-0000000000000",
            "0-0-0-0-0",
            NUL,
            "a" + NUL + "b",
            LONE_SURROGATE,
            "\uDC00x",
            "\uD83D\uDE00",
            "é\u0301",
            "\t",
            "a;b=c",
            "a?b",
            "a#b");
    private static final List<String> BAD_TEXT =
            List.of(NUL, "a" + NUL, LONE_SURROGATE, "x" + LONE_SURROGATE + "y", "\uDC00", "\uDBFF");

    private final long seed;
    private final List<Credential> credentials;
    private final Map<String, List<String>> foreignValues;
    private final boolean bearerAlwaysRead;
    private final long bodyLimit;

    BadInputs(
            long seed,
            List<Credential> credentials,
            Map<String, List<String>> foreignValues,
            boolean bearerAlwaysRead,
            long bodyLimit) {
        this.seed = seed;
        this.credentials = credentials;
        this.foreignValues = foreignValues;
        this.bearerAlwaysRead = bearerAlwaysRead;
        this.bodyLimit = bodyLimit;
    }

    /** A bearer token the services trust, or a label for a credential the test made (e.g. a second customer). */
    record Credential(String label, String authorization) {}

    /** Case {@code index} of {@code operation}. */
    FuzzCase generate(ApiOperation operation, int index) {
        Random random = new Random(seed * 31 + operation.key().hashCode() * 1_000_003L + index);
        return new Builder(operation, index, random).build();
    }

    private final class Builder {
        private final ApiOperation operation;
        private final int index;
        private final Random random;
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;
        private String rawBody;
        private String contentType;
        private String authorization;
        private String auth;
        private String defect;
        private boolean declared = true;
        private boolean chunked;

        Builder(ApiOperation operation, int index, Random random) {
            this.operation = operation;
            this.index = index;
            this.random = random;
        }

        FuzzCase build() {
            base();
            // Even cases carry a valid token, odd ones none: every operation is tried both ways.
            boolean withToken = index % 2 == 0 && !credentials.isEmpty();
            if (withToken) {
                Credential credential = credentials.get((index / 2) % credentials.size());
                auth = credential.label();
                authorization = credential.authorization();
            } else {
                auth = "none";
            }
            List<Runnable> defects = defects(withToken);
            if (defects.isEmpty() && withToken && (operation.secured() || bearerAlwaysRead)) {
                auth = "none";
                authorization = null;
                defects = defects(false);
            }
            if (defects.isEmpty()) {
                declared = false;
                defect = "noise only: the operation reads nothing that could be broken";
            } else {
                defects.get(random.nextInt(defects.size())).run();
            }
            if (!withToken && operation.secured() && authorization == null && defect != null && declared) {
                defect = defect + " (and no bearer token)";
            }
            noise();
            return new FuzzCase(
                    operation.key(),
                    index,
                    defect,
                    declared,
                    operation.method(),
                    auth,
                    pathAndQuery(),
                    Map.copyOf(headers),
                    authorization,
                    contentType,
                    bodyBytes(),
                    chunked);
        }

        /** A plausible request: path parameters, a valid-looking body of the declared type. */
        private void base() {
            for (Parameter p : operation.in("path")) {
                pathValues.put(p.getName(), existingLooking(p));
            }
            for (Parameter p : operation.in("header")) {
                // e.g. an Idempotency-Key: a fresh one, so that only the case's own defect can refuse the request
                headers.put(p.getName(), "fuzz-" + Schemas.uuid(random));
            }
            if (operation.body() != null) {
                body = Schemas.validValue(operation.body(), random, 0);
                contentType = operation.bodyMediaType();
            }
        }

        private String existingLooking(Parameter p) {
            List<String> foreign = foreignValues.getOrDefault(p.getName(), List.of());
            if (!foreign.isEmpty() && random.nextBoolean()) {
                return foreign.get(random.nextInt(foreign.size()));
            }
            return Schemas.validString(p.getSchema() == null ? new Schema<>() : p.getSchema(), random);
        }

        /** What can be broken on this request, each a way to do it. */
        private List<Runnable> defects(boolean withToken) {
            List<Runnable> defects = new ArrayList<>();
            if (operation.body() != null) {
                // The body is where most input is: weigh it so.
                for (int i = 0; i < 3; i++) {
                    defects.add(this::breakBody);
                }
                defects.add(this::wrongContentType);
                defects.add(this::oversizedBody);
            }
            for (Parameter p : operation.in("path")) {
                defects.add(() -> breakPath(p));
            }
            for (Parameter p : operation.in("query")) {
                defects.add(() -> breakQuery(p));
            }
            for (Parameter p : operation.in("header")) {
                if (Boolean.TRUE.equals(p.getRequired())) {
                    defects.add(() -> {
                        headers.remove(p.getName());
                        defect = "header " + p.getName() + " missing";
                    });
                }
            }
            if (!withToken && (operation.secured() || bearerAlwaysRead)) {
                defects.add(this::badToken);
                defects.add(this::badToken);
            }
            if (!withToken && operation.secured() && defects.isEmpty()) {
                defects.add(() -> defect = "no bearer token");
            }
            return defects;
        }

        private void breakBody() {
            int what = random.nextInt(10);
            switch (what) {
                case 0 -> {
                    rawBody = pick(MALFORMED_JSON);
                    defect = "body: malformed JSON";
                    if (random.nextInt(4) == 0) {
                        contentType = null;
                        defect += ", no Content-Type";
                    }
                }
                case 1 -> {
                    rawBody = pick(WRONG_TOP_LEVEL);
                    defect = "body: JSON of the wrong shape";
                }
                case 2 -> {
                    rawBody = "";
                    defect = "body: empty";
                }
                case 3 -> {
                    // Bytes that are not UTF-8 inside a JSON string.
                    rawBody = null;
                    body = new InvalidUtf8(json(body));
                    defect = "body: bytes that are not UTF-8";
                }
                default -> {
                    if (!breakField()) {
                        rawBody = pick(WRONG_TOP_LEVEL);
                        defect = "body: JSON of the wrong shape";
                    }
                }
            }
        }

        /** Breaks one field of the body, somewhere in it; false if the body has no fields. */
        private boolean breakField() {
            List<Field> fields = new ArrayList<>();
            collect(operation.body(), body, "", fields, 0);
            List<Runnable> ways = new ArrayList<>();
            for (Field field : fields) {
                if (field.value() instanceof Map<?, ?> object) {
                    ways.add(() -> {
                        cast(object).put("fuzz" + random.nextInt(1000), pick(List.of("x", 1, true)));
                        defect = "body: unknown field in '" + field.pathOrBody() + "'";
                    });
                }
                if (field.required() && field.parent() instanceof Map<?, ?> parent) {
                    ways.add(() -> {
                        cast(parent).remove(field.name());
                        defect = "body: required field '" + field.path() + "' missing";
                    });
                    ways.add(() -> {
                        cast(parent).put(field.name(), null);
                        defect = "body: required field '" + field.path() + "' null";
                    });
                }
                if (field.parent() != null) {
                    ways.add(() -> {
                        Object wrong = wrongType(field.schema());
                        field.set(wrong);
                        defect = "body: field '" + field.path() + "' of the wrong type: " + shortJson(wrong);
                    });
                }
                for (Violation v : violations(field.schema())) {
                    if (field.parent() != null) {
                        ways.add(() -> {
                            field.set(v.value());
                            defect = "body: field '" + field.path() + "' " + v.why();
                        });
                    }
                }
            }
            if (ways.isEmpty()) {
                return false;
            }
            ways.get(random.nextInt(ways.size())).run();
            return true;
        }

        private void wrongContentType() {
            contentType = pick(WRONG_CONTENT_TYPES);
            defect = "Content-Type " + contentType;
        }

        private void oversizedBody() {
            int size = (int) bodyLimit + 1 + random.nextInt(4 * (int) bodyLimit);
            if (body instanceof Map<?, ?> map) {
                cast(map).put("padding", "x".repeat(size));
            } else {
                rawBody = "\"" + "x".repeat(size) + "\"";
            }
            chunked = random.nextInt(4) == 0;
            defect = "body: over the body limit (" + size + " characters of padding" + (chunked ? ", chunked)" : ")");
        }

        private void breakPath(Parameter p) {
            Schema<?> schema = p.getSchema() == null ? new Schema<>() : p.getSchema();
            String value;
            int what = random.nextInt(4);
            if (what == 0 && "uuid".equals(schema.getFormat())) {
                value = Schemas.uuid(random).toString();
                defect = "path " + p.getName() + ": an id that names nothing";
            } else if (what == 1 && foreignValues.containsKey(p.getName())) {
                value = pick(foreignValues.get(p.getName()));
                defect = "path " + p.getName() + ": someone else's";
            } else if (what == 2 && schema.getPattern() != null) {
                value = notMatching(schema.getPattern());
                defect = "path " + p.getName() + ": not matching " + schema.getPattern();
            } else {
                value = pick(BAD_PATH_TEXT);
                defect = "path " + p.getName() + ": " + FuzzCase.abbreviate(value, 40);
            }
            pathValues.put(p.getName(), value);
        }

        private void breakQuery(Parameter p) {
            Schema<?> schema = p.getSchema() == null ? new Schema<>() : p.getSchema();
            List<String> bad = new ArrayList<>(BAD_TEXT);
            String type = Schemas.type(schema);
            if (type.equals("integer") || type.equals("number")) {
                bad.addAll(List.of("abc", "1.5", "1e400", "99999999999999999999", "0x10", "- 1", "1_000"));
                BigDecimal low = Schemas.lowerBound(schema);
                BigDecimal high = Schemas.upperBound(schema);
                if (low != null) {
                    bad.add(low.subtract(BigDecimal.ONE).toPlainString());
                    bad.add("-2147483649");
                }
                if (high != null) {
                    bad.add(high.add(BigDecimal.ONE).toPlainString());
                    bad.add("2147483648");
                }
            }
            if (schema.getEnum() != null) {
                bad.addAll(List.of("NOT_A_VALUE", "0", "-1"));
            }
            if ("uuid".equals(schema.getFormat())) {
                bad.addAll(List.of("not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g"));
            }
            if (schema.getPattern() != null) {
                bad.add(notMatching(schema.getPattern()));
            }
            String value = pick(bad);
            query.put(p.getName(), value);
            defect = "query " + p.getName() + ": " + FuzzCase.abbreviate(value, 40);
        }

        private void badToken() {
            UUID someone = Schemas.uuid(random);
            List<Supplier<String[]>> tokens = List.of(
                    () -> new String[] {"forged token", "Bearer " + TestTokens.forged(someone)},
                    () -> new String[] {"expired token", "Bearer " + TestTokens.expired(someone)},
                    () -> new String[] {"token of another issuer", "Bearer " + TestTokens.wrongIssuer(someone)},
                    () -> new String[] {"token of three garbage parts", "Bearer a.b.c"},
                    () -> new String[] {"garbage token", "Bearer " + "x".repeat(1 + random.nextInt(2000))},
                    () -> new String[] {"empty bearer", "Bearer "},
                    () -> new String[] {"basic credentials", "Basic dXNlcjpwYXNz"},
                    () -> new String[] {"unsigned token (alg none)", "Bearer " + unsigned(someone)},
                    () -> new String[] {"token with a tampered payload", "Bearer " + tampered(someone)});
            String[] token = pick(tokens).get();
            auth = token[0];
            authorization = token[1];
            defect = "bearer: " + token[0];
        }

        /** Input the operation does not read, now and then, on top of the defect. */
        private void noise() {
            if (random.nextInt(5) == 0) {
                query.put("fuzz", pick(List.of("1", "x".repeat(300), "ü", "a b")));
            }
            if (random.nextInt(5) == 0) {
                headers.put("X-Fuzz", pick(List.of("1", "x".repeat(300), "a\tb")));
            }
            if (random.nextInt(10) == 0 && operation.body() == null && !declared) {
                rawBody = "{\"fuzz\":1}";
                contentType = "application/json";
            }
        }

        private String pathAndQuery() {
            String path = operation.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", PercentEncoding.encode(value.getValue()));
            }
            if (query.isEmpty()) {
                return path;
            }
            StringBuilder target = new StringBuilder(path);
            char separator = '?';
            for (Map.Entry<String, String> q : query.entrySet()) {
                target.append(separator)
                        .append(PercentEncoding.encode(q.getKey()))
                        .append('=')
                        .append(PercentEncoding.encode(q.getValue()));
                separator = '&';
            }
            return target.toString();
        }

        private byte[] bodyBytes() {
            if (rawBody != null) {
                return rawBody.getBytes(StandardCharsets.UTF_8);
            }
            if (body instanceof InvalidUtf8 invalid) {
                return invalid.bytes();
            }
            if (body == null) {
                return null;
            }
            return json(body).getBytes(StandardCharsets.UTF_8);
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private Object wrongType(Schema<?> schema) {
            return switch (Schemas.type(schema)) {
                case "string" -> pick(List.of(42, true, Map.of("a", 1), List.of("x"), 1.5));
                case "integer" -> pick(List.of("12", "x", true, Map.of(), List.of(1), 2.5, ""));
                case "number" -> pick(List.of("12", "x", true, Map.of(), List.of(1)));
                case "boolean" -> pick(List.of("true", 1, 0, "yes", Map.of(), List.of(true)));
                case "array" -> pick(List.of("x", 1, Map.of("a", 1), true));
                default -> pick(List.of("x", 1, List.of(), true));
            };
        }

        private String notMatching(String regex) {
            Pattern pattern = Pattern.compile(regex);
            List<String> candidates = new ArrayList<>(List.of(
                    "!!", " ", "-x", "x y", "<b>", "ÄÖÜ", "a/b", "..x", "x".repeat(300), "🙂", "a" + NUL, "\t"));
            java.util.Collections.shuffle(candidates, random);
            // A JSON Schema pattern matches anywhere in the text (ECMA-262 search) while @Pattern must match the whole
            // of it: a value that is found nowhere breaks both readings.
            for (String candidate : candidates) {
                if (!pattern.matcher(candidate).find()) {
                    return candidate;
                }
            }
            return NUL;
        }

        private List<Violation> violations(Schema<?> schema) {
            List<Violation> violations = new ArrayList<>();
            String type = Schemas.type(schema);
            if (type.equals("string")) {
                for (String text : BAD_TEXT) {
                    violations.add(new Violation(text, "holds text no service can store"));
                }
                Integer min = schema.getMinLength();
                Integer max = schema.getMaxLength();
                if (min != null && min > 0) {
                    violations.add(new Violation("", "empty (minLength " + min + ")"));
                }
                if (max != null) {
                    violations.add(new Violation("x".repeat(max + 1), "one over maxLength " + max));
                    int huge = (int) Math.min(bodyLimit - 4096, Math.max(max + 1, max * 10L));
                    violations.add(
                            new Violation("y".repeat(huge), "huge (" + huge + " characters, maxLength " + max + ")"));
                }
                if (schema.getPattern() != null) {
                    violations.add(
                            new Violation(notMatching(schema.getPattern()), "not matching " + schema.getPattern()));
                }
                if (schema.getEnum() != null) {
                    violations.add(new Violation("NOT_A_VALUE", "not one of " + schema.getEnum()));
                }
                if ("uuid".equals(schema.getFormat())) {
                    violations.add(new Violation("not-a-uuid", "not a uuid"));
                    violations.add(new Violation("", "an empty uuid"));
                }
            } else if (type.equals("integer") || type.equals("number")) {
                BigDecimal low = Schemas.lowerBound(schema);
                BigDecimal high = Schemas.upperBound(schema);
                if (low != null) {
                    violations.add(new Violation(low.subtract(BigDecimal.ONE), "below minimum " + low));
                    violations.add(new Violation(new BigDecimal(Long.MIN_VALUE), "hugely negative"));
                    if (low.signum() > 0) {
                        violations.add(new Violation(BigDecimal.ZERO, "zero, below minimum " + low));
                        violations.add(new Violation(BigDecimal.ONE.negate(), "negative, below minimum " + low));
                    }
                }
                if (high != null) {
                    violations.add(new Violation(high.add(BigDecimal.ONE), "above maximum " + high));
                    violations.add(new Violation(new BigDecimal("1e30"), "huge, above maximum " + high));
                }
                if (type.equals("integer")) {
                    violations.add(new Violation(new BigDecimal("2.5"), "a fraction where a whole number is expected"));
                    violations.add(new Violation(new BigDecimal("99999999999999999999999"), "beyond a 64-bit integer"));
                    if ("int32".equals(schema.getFormat())) {
                        violations.add(new Violation(new BigDecimal("2147483648"), "beyond a 32-bit integer"));
                    }
                }
            } else if (type.equals("array")) {
                if (schema.getMaxItems() != null) {
                    List<Object> items = new ArrayList<>();
                    for (int i = 0; i <= schema.getMaxItems(); i++) {
                        items.add(Schemas.validValue(schema.getItems(), random, 5));
                    }
                    violations.add(new Violation(items, "one item over maxItems " + schema.getMaxItems()));
                }
                if (schema.getMinItems() != null && schema.getMinItems() > 0) {
                    violations.add(new Violation(List.of(), "empty (minItems " + schema.getMinItems() + ")"));
                }
                if (schema.getItems() != null) {
                    for (Violation item : violations(schema.getItems())) {
                        violations.add(new Violation(List.of(item.value()), "holds an item that is " + item.why()));
                    }
                }
            } else if (type.equals("boolean") || type.equals("object")) {
                // Only the wrong-type and missing-field cases apply.
            }
            return violations;
        }
    }

    /** A field of the body: where it is and what its schema says. */
    private record Field(
            Object parent, Object root, String name, int position, String path, Schema<?> schema, boolean required) {
        Object value() {
            if (parent instanceof Map<?, ?> map) {
                return map.get(name);
            }
            if (parent instanceof List<?> list) {
                return list.get(position);
            }
            return root;
        }

        void set(Object value) {
            if (parent instanceof Map<?, ?> map) {
                cast(map).put(name, value);
            } else if (parent instanceof List<?> list) {
                castList(list).set(position, value);
            }
        }

        String pathOrBody() {
            return path.isEmpty() ? "body" : path;
        }
    }

    private record Violation(Object value, String why) {}

    /** A body whose bytes are JSON except for one string holding bytes that are no UTF-8. */
    private record InvalidUtf8(String json) {
        byte[] bytes() {
            byte[] text = json.getBytes(StandardCharsets.UTF_8);
            int quote = json.indexOf('"');
            byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
            if (quote < 0) {
                return bad;
            }
            byte[] out = new byte[text.length + bad.length];
            System.arraycopy(text, 0, out, 0, quote + 1);
            System.arraycopy(bad, 0, out, quote + 1, bad.length);
            System.arraycopy(text, quote + 1, out, quote + 1 + bad.length, text.length - quote - 1);
            return out;
        }
    }

    /** Every field of {@code value} (an object's properties, an array's first item), depth first. */
    private static void collect(Schema<?> schema, Object value, String path, List<Field> into, int depth) {
        if (schema == null || depth > 6) {
            return;
        }
        if (depth == 0) {
            into.add(new Field(null, value, "", -1, "", schema, false));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Schema> properties = Schemas.properties(schema);
            List<String> required = Schemas.required(schema);
            for (Map.Entry<String, Schema> property : properties.entrySet()) {
                String name = property.getKey();
                String child = path.isEmpty() ? name : path + "." + name;
                into.add(new Field(map, null, name, -1, child, property.getValue(), required.contains(name)));
                collect(property.getValue(), map.get(name), child, into, depth + 1);
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            String child = path + "[0]";
            into.add(new Field(list, null, "", 0, child, schema.getItems(), false));
            collect(schema.getItems(), list.get(0), child, into, depth + 1);
        }
    }

    private static String json(Object value) {
        try {
            return escapeLoneSurrogates(JSON.writeValueAsString(value).replace(LONE_SURROGATE, "\\ud800"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Jackson writes an unpaired surrogate as it is, which UTF-8 cannot carry: send it as a JSON escape instead. */
    private static String escapeLoneSurrogates(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String shortJson(Object value) {
        return FuzzCase.abbreviate(json(value), 40);
    }

    /** A token signed with the right key id but no signature ({@code alg: none}). */
    private static String unsigned(UUID someone) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"test-key-1\"}");
        String payload = base64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"sub\":\"" + someone + "\",\"groups\":[\"customer\",\"admin\"],\"exp\":4102444800}");
        return header + "." + payload + ".";
    }

    /** A genuine token whose payload was swapped for one granting the admin role: the signature no longer fits. */
    private static String tampered(UUID someone) {
        String[] parts = TestTokens.customer(someone).split("\\.");
        String payload = base64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE
                + "\",\"sub\":\"" + someone + "\",\"groups\":[\"customer\",\"admin\"],\"exp\":4102444800}");
        return parts[0] + "." + payload + "." + parts[2];
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> list) {
        return (List<Object>) list;
    }
}
