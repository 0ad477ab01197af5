package dev.storefront.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.catalog.publish.SearchText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the search index reads text (a plain unit test: no app needed). The storefront's search.js implements the same
 * rules; StorefrontBrowserTest checks a few of these cases in the browser too.
 */
class SearchTextTest {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzé";

    @Test
    void textIsComparedWithoutCaseOrAccents() {
        assertEquals(List.of("creme", "brulee"), SearchText.terms("Crème BRÛLÉE"));
        assertEquals(List.of("angstrom", "kettle", "2000"), SearchText.terms("Ångström-Kettle, 2000!"));
        assertEquals(List.of("cafe"), SearchText.terms("café CAFÉ Cafe"), "one term, once");
        assertEquals(List.of("cd"), SearchText.terms("A b cd"), "single letters are no terms");
        assertEquals("zephyr", SearchText.normalise("Zéphyr"));
    }

    @Test
    void termsGoToTheShardsOfTheirFirstAndLastTwoLetters() {
        assertEquals(List.of("p/te", "s/ot"), SearchText.shardsOf("teapot"));
        assertEquals(List.of("p/ki", "s/te"), SearchText.shardsOf("kite"));
        assertEquals(List.of("p/oa"), SearchText.shardsOf("oak"), "too short for typos: its prefix shard only");
        assertEquals(List.of("p/_f8_72", "s/_f8_72"), SearchText.shardsOf("ørør"), "other letters by code point");
        assertEquals(List.of("p/ra"), SearchText.shardsForQuery("radi"), "a short query word: exact and prefix only");
        assertEquals(List.of("p/ra", "s/io"), SearchText.shardsForQuery("radio"));
    }

    @Test
    void everyOneTypoOfAWordOfFiveOrMoreLettersIsLookedUpWhereTheWordIs() {
        for (String term : List.of("trekking", "headphones", "radio", "kite", "teapot")) {
            Set<String> typos = oneTypo(term);
            for (String typo : typos) {
                if (typo.length() < SearchText.TYPO_LENGTH) {
                    continue; // shorter query words match exactly or as a prefix only
                }
                assertTrue(SearchText.withinOneTypo(typo, term), typo + " is one typo from " + term);
                assertTrue(
                        SearchText.shardsForQuery(typo).stream().anyMatch(SearchText.shardsOf(term)::contains),
                        "a shard of " + typo + " holds " + term);
            }
        }
    }

    @Test
    void twoTyposAreTooMany() {
        assertFalse(SearchText.withinOneTypo("trekking", "trkkimg"));
        assertFalse(SearchText.withinOneTypo("radio", "rdioo"));
        assertFalse(SearchText.withinOneTypo("teapot", "teapotss"));
        assertTrue(SearchText.withinOneTypo("teapot", "teapot"));
        assertTrue(SearchText.withinOneTypo("headphones", "haedphones"), "two neighbours swapped");
    }

    /** Every word one letter missing, added, replaced, or two neighbours swapped away from {@code word}. */
    private static Set<String> oneTypo(String word) {
        Set<String> typos = new LinkedHashSet<>();
        for (int i = 0; i <= word.length(); i++) {
            if (i < word.length()) {
                typos.add(word.substring(0, i) + word.substring(i + 1));
                if (i + 1 < word.length()) {
                    typos.add(word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2));
                }
            }
            for (char c : LETTERS.toCharArray()) {
                typos.add(word.substring(0, i) + c + word.substring(i));
                if (i < word.length()) {
                    typos.add(word.substring(0, i) + c + word.substring(i + 1));
                }
            }
        }
        typos.remove(word);
        return typos;
    }
}
