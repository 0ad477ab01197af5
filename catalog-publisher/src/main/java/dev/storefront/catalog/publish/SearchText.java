package dev.storefront.catalog.publish;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the search index and the storefront's search script read text: the same rules on both sides, so that what the
 * shopper types meets what was indexed. {@code site-assets/search.js} implements every method here again, line for
 * line; change both together (the contract is in docs/architecture.md, "Search").
 *
 * <p>Text is decomposed (NFD), its combining marks dropped ("Crème" → "Creme"), lower-cased, and split on anything
 * that is not a letter or a digit; words of one character are left out. A term is put in the shard of its first two
 * characters (its prefix shard) and, from four characters on, also in the shard of its last two (its suffix shard).
 * One typo (a letter missing, added, replaced, or two swapped) cannot change both the first two and the last two
 * letters of a word of five or more, so a query word of five or more letters finds every term within one typo of it in
 * its own two shards, a typo in the first letters included.
 */
public final class SearchText {
    /** Query words of at least this many letters are matched to terms within one typo. */
    public static final int TYPO_LENGTH = 5;
    /** Terms of at least this many letters are in a suffix shard too (one letter fewer than a query word). */
    public static final int SUFFIX_LENGTH = TYPO_LENGTH - 1;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern PLAIN_KEY = Pattern.compile("[a-z0-9]+");

    private SearchText() {}

    /** NFD, without combining marks, lower case. */
    public static String normalise(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** The distinct words of {@code text}, normalised, in order of appearance; none shorter than two characters. */
    public static List<String> terms(String text) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(normalise(text))) {
            if (word.codePointCount(0, word.length()) >= 2) {
                terms.add(word);
            }
        }
        return List.copyOf(terms);
    }

    /** The name of the prefix shard holding {@code term} (and every term starting with its first two characters). */
    public static String prefixShard(String term) {
        return "p/" + key(term.codePoints().limit(2).toArray());
    }

    /** The name of the suffix shard holding {@code term}, or null for a term shorter than {@link #SUFFIX_LENGTH}. */
    public static String suffixShard(String term) {
        int[] points = term.codePoints().toArray();
        if (points.length < SUFFIX_LENGTH) {
            return null;
        }
        return "s/" + key(new int[] {points[points.length - 2], points[points.length - 1]});
    }

    /** The shards a term is indexed in. */
    public static List<String> shardsOf(String term) {
        String suffix = suffixShard(term);
        return suffix == null ? List.of(prefixShard(term)) : List.of(prefixShard(term), suffixShard(term));
    }

    /** The shards a query word is looked up in: its prefix shard, and its suffix shard when typos are tolerated. */
    public static List<String> shardsForQuery(String word) {
        return word.codePointCount(0, word.length()) >= TYPO_LENGTH ? shardsOf(word) : List.of(prefixShard(word));
    }

    /**
     * Whether {@code a} and {@code b} differ by at most one letter missing, added, replaced, or two neighbours swapped
     * (counted in code points).
     */
    public static boolean withinOneTypo(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > 1) {
            return false;
        }
        int i = 0;
        while (i < x.length && i < y.length && x[i] == y[i]) {
            i++;
        }
        if (i == x.length && i == y.length) {
            return true;
        }
        if (x.length == y.length) {
            return tailEquals(x, i + 1, y, i + 1)
                    || (i + 1 < x.length && x[i] == y[i + 1] && x[i + 1] == y[i] && tailEquals(x, i + 2, y, i + 2));
        }
        return x.length > y.length ? tailEquals(x, i + 1, y, i) : tailEquals(x, i, y, i + 1);
    }

    private static boolean tailEquals(int[] x, int from, int[] y, int yFrom) {
        if (x.length - from != y.length - yFrom) {
            return false;
        }
        for (int k = 0; from + k < x.length; k++) {
            if (x[from + k] != y[yFrom + k]) {
                return false;
            }
        }
        return true;
    }

    /** A shard's name: its characters as they are when plain lower-case ASCII, else their code points in hex. */
    private static String key(int[] points) {
        String plain = new String(points, 0, points.length);
        if (PLAIN_KEY.matcher(plain).matches()) {
            return plain;
        }
        return "_"
                + java.util.Arrays.stream(points).mapToObj(Integer::toHexString).collect(Collectors.joining("_"));
    }
}
