package dev.storefront.catalog;

import static dev.storefront.catalog.BucketSnapshot.exists;
import static dev.storefront.catalog.BucketSnapshot.text;

import dev.storefront.catalog.publish.SearchText;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The published search index read the way search.js reads it (docs/architecture.md, "Search"): per query word its
 * term shards, the products of every term that equals it, starts with it or is one typo from it (five letters or
 * more), and the products matching every word. Relevance and paging are the page's business, not tested here.
 */
final class PublishedSearch {
    static final String ROOT = "search/v1/";

    private PublishedSearch() {}

    /** The skus of the active products matching every word of {@code query}. */
    static Set<String> find(String query) {
        Set<Long> ids = null;
        for (String word : SearchText.terms(query)) {
            Set<Long> matches = new TreeSet<>();
            for (String shard : SearchText.shardsForQuery(word)) {
                matches.addAll(idsIn(shard, word));
            }
            if (ids == null) {
                ids = matches;
            } else {
                ids.retainAll(matches);
            }
        }
        Set<String> skus = new TreeSet<>();
        if (ids != null) {
            ids.forEach(id -> skus.add((String) doc(id).get("sku")));
        }
        return skus;
    }

    /** One product's document (what a result shows), from its document shard. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> doc(long id) {
        String key = ROOT + "docs/" + id / 16 + ".json";
        return exists(key)
                ? (Map<String, Object>) JsonPath.from(text(key)).getMap("docs").get(String.valueOf(id))
                : null;
    }

    /** The number of the product with {@code sku}, found through the terms of its name; null when not indexed. */
    static Long idOf(String sku, String name) {
        Set<Long> candidates = new LinkedHashSet<>();
        String word = SearchText.terms(name).get(0);
        candidates.addAll(idsIn(SearchText.prefixShard(word), word));
        return candidates.stream()
                .filter(id -> doc(id) != null && sku.equals(doc(id).get("sku")))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Set<Long> idsIn(String shard, String word) {
        Set<Long> ids = new TreeSet<>();
        String key = ROOT + "terms/" + shard + ".json";
        if (!exists(key)) {
            return ids;
        }
        Map<String, List<List<Number>>> terms =
                new HashMap<>(JsonPath.from(text(key)).getMap("terms"));
        terms.forEach((term, fields) -> {
            boolean typos = word.codePointCount(0, word.length()) >= SearchText.TYPO_LENGTH;
            if (term.equals(word) || term.startsWith(word) || (typos && SearchText.withinOneTypo(word, term))) {
                for (List<Number> deltas : fields) {
                    long id = 0;
                    for (Number delta : deltas) {
                        id += delta.longValue();
                        ids.add(id);
                    }
                }
            }
        });
        return ids;
    }
}
