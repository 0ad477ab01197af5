package dev.storefront.defaults.http;

/**
 * Text a service can store: no NUL character (PostgreSQL refuses it in {@code text}, which surfaced as a 500) and no
 * unpaired UTF-16 surrogate (it has no UTF-8 form, so it would be stored as a replacement character). Both are refused
 * wherever text enters a service, in the JSON body ({@link StrictJson}) and in path and query parameters
 * ({@link SafeTextParameters}), with the same 400; anything else about text is each service's own validation.
 */
public final class SafeText {
    private SafeText() {}

    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++; // a pair: one character outside the Basic Multilingual Plane, e.g. an emoji
            }
        }
        return true;
    }

    /** The problem's detail for unsafe text in {@code where}, e.g. {@code Field 'email'}. */
    public static String refusal(String where) {
        return where + " contains a character that is not allowed (NUL or an unpaired surrogate)";
    }
}
