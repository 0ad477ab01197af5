package dev.storefront.local.infra.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a path segment or query value byte for byte, so that anything (a NUL, a space, a slash) arrives as
 * data. An unpaired surrogate, which has no UTF-8 form, is sent as the three bytes Java's modified UTF-8 would use
 * ({@code %ED%A0%80} for U+D800), which is what a client that encodes it naively sends.
 */
final class PercentEncoding {
    private static final String LONE_SURROGATE = "__fuzz_lone_surrogate__";

    private PercentEncoding() {}

    static String encode(String value) {
        String text = value.replace(LONE_SURROGATE, "\uD800");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnreserved(c)) {
                out.append(c);
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                appendBytes(out, text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
                i++;
            } else if (Character.isSurrogate(c)) {
                appendBytes(out, new byte[] {
                    (byte) (0xE0 | (c >> 12)), (byte) (0x80 | ((c >> 6) & 0x3F)), (byte) (0x80 | (c & 0x3F))
                });
            } else {
                appendBytes(out, String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '~'
                || c == '.';
    }

    private static void appendBytes(StringBuilder out, byte[] bytes) {
        for (byte b : bytes) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
            out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }
}
