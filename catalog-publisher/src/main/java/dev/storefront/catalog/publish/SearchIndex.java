package dev.storefront.catalog.publish;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.storefront.catalog.domain.ProductData;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The static search index's parts, as plain values that a full publish builds from the catalog and a product change
 * patches: term shards (term → the numbers of the products it appears in, per field), document shards (what a result
 * shows) and fact shards (price and category, for sorting and filtering every match). Keys and JSON: the contract in
 * docs/architecture.md, "Search".
 *
 * <p>Written and read back (by a product change) with plain {@code ObjectMapper} calls, not by the REST layer, so a
 * native executable needs them registered for reflection, as {@link Documents}.
 */
@RegisterForReflection(
        targets = {
            SearchIndex.TermsJson.class,
            SearchIndex.Doc.class,
            SearchIndex.DocsJson.class,
            SearchIndex.FactsJson.class
        })
final class SearchIndex {
    /** Everything of the index lives under this prefix; a new format gets a new one, so old pages never misread it. */
    static final String ROOT = "search/v1/";
    /** Where the fact shards are. */
    static final String FACTS = ROOT + "facts/";
    /** Products per document shard: a page of 20 results fetches at most 20 small shards. */
    static final int DOCS_SIZE = 16;
    /** Products per fact shard: sorting or filtering 10,000 matches fetches about ten of them. */
    static final int FACTS_SIZE = 1024;

    /** Where a term appears in a product; the order of a term's posting lists, and its weight in relevance. */
    enum Field {
        NAME,
        ATTRIBUTE,
        CATEGORY
    }

    private SearchIndex() {}

    static String termKey(String shard) {
        return ROOT + "terms/" + shard + ".json";
    }

    static String docsKey(long id) {
        return ROOT + "docs/" + id / DOCS_SIZE + ".json";
    }

    static String factsKey(long id) {
        return FACTS + id / FACTS_SIZE + ".json";
    }

    /**
     * The numbers of the fact shards among {@code keys}, ascending: the search page lists them, so that a price sort
     * or a category filter can fetch them alongside the term shards instead of after them.
     */
    static List<Long> factShards(Collection<String> keys) {
        return keys.stream()
                .filter(k -> k.startsWith(FACTS) && k.endsWith(".json"))
                .map(k -> Long.valueOf(k.substring(FACTS.length(), k.length() - ".json".length())))
                .sorted()
                .toList();
    }

    /**
     * The terms of an active product, each with the first field it appears in: its name, its attributes' values, its
     * category's name and slug. (Attribute names such as "Colour" are shared by nearly every product and left out.)
     */
    static Map<String, Field> termsOf(ProductData product, String categoryName) {
        Map<String, Field> terms = new LinkedHashMap<>();
        SearchText.terms(product.name()).forEach(t -> terms.putIfAbsent(t, Field.NAME));
        new TreeMap<>(product.attributes()).values().forEach(v -> SearchText.terms(v)
                .forEach(t -> terms.putIfAbsent(t, Field.ATTRIBUTE)));
        SearchText.terms(categoryName + " " + product.category()).forEach(t -> terms.putIfAbsent(t, Field.CATEGORY));
        return terms;
    }

    /** One term shard: its terms, each with the sorted numbers of its products per {@link Field}. */
    static final class TermShard {
        final SortedMap<String, List<TreeSet<Long>>> terms = new TreeMap<>();

        void add(String term, Field field, long id) {
            terms.computeIfAbsent(term, t -> {
                        List<TreeSet<Long>> fields = new ArrayList<>();
                        for (int i = 0; i < Field.values().length; i++) {
                            fields.add(new TreeSet<>());
                        }
                        return fields;
                    })
                    .get(field.ordinal())
                    .add(id);
        }

        void remove(String term, long id) {
            List<TreeSet<Long>> fields = terms.get(term);
            if (fields != null) {
                fields.forEach(ids -> ids.remove(id));
                if (fields.stream().allMatch(TreeSet::isEmpty)) {
                    terms.remove(term);
                }
            }
        }

        boolean isEmpty() {
            return terms.isEmpty();
        }

        /** Each list as its first number and then the differences: smaller, and it compresses well. */
        TermsJson json() {
            SortedMap<String, List<List<Long>>> out = new TreeMap<>();
            terms.forEach((term, fields) ->
                    out.put(term, fields.stream().map(TermShard::deltas).toList()));
            return new TermsJson(out);
        }

        static TermShard of(TermsJson json) {
            TermShard shard = new TermShard();
            json.terms().forEach((term, fields) -> {
                for (int f = 0; f < fields.size() && f < Field.values().length; f++) {
                    long id = 0;
                    for (long delta : fields.get(f)) {
                        id += delta;
                        shard.add(term, Field.values()[f], id);
                    }
                }
            });
            return shard;
        }

        private static List<Long> deltas(TreeSet<Long> ids) {
            List<Long> deltas = new ArrayList<>(ids.size());
            long previous = 0;
            for (long id : ids) {
                deltas.add(id - previous);
                previous = id;
            }
            return deltas;
        }
    }

    /** {@code search/v1/terms/<shard>.json}. */
    record TermsJson(SortedMap<String, List<List<Long>>> terms) {}

    /** What one result shows; {@code price} in minor units, {@code priceText} as the product's page shows it. */
    @JsonPropertyOrder(alphabetic = false)
    record Doc(
            String sku,
            String name,
            String url,
            String image,
            long price,
            String currency,
            String priceText,
            String category,
            String availability) {

        static Doc of(ProductData p, String categoryName) {
            return new Doc(
                    p.sku(),
                    p.name(),
                    SiteKeys.url(SiteKeys.productPage(p.slug())),
                    SiteKeys.url(p.image()),
                    p.price(),
                    p.currency(),
                    Shopper.price(p.price(), p.currency()),
                    categoryName,
                    Shopper.availability(p));
        }
    }

    /** {@code search/v1/docs/<n>.json}: the documents of products {@code n*16} to {@code n*16+15}, by number. */
    record DocsJson(SortedMap<Long, Doc> docs) {}

    /** The price and category of one active product. */
    record Fact(long price, String category) {}

    /**
     * {@code search/v1/facts/<n>.json}: for products {@code from} to {@code from+1023}, by position, their price (minor
     * units) and the index of their category in {@code categories}; null where no active product has the number.
     */
    @JsonPropertyOrder(alphabetic = false)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FactsJson(long from, List<String> categories, List<Long> price, List<Integer> category) {

        static FactsJson of(long shard, SortedMap<Long, Fact> facts, List<String> categories) {
            long from = shard * FACTS_SIZE;
            int length = facts.isEmpty() ? 0 : (int) (facts.lastKey() - from + 1);
            List<Long> prices = new ArrayList<>(length);
            List<Integer> indexes = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                Fact fact = facts.get(from + i);
                prices.add(fact == null ? null : fact.price());
                indexes.add(fact == null ? null : categories.indexOf(fact.category()));
            }
            return new FactsJson(from, categories, prices, indexes);
        }

        SortedMap<Long, Fact> facts() {
            SortedMap<Long, Fact> facts = new TreeMap<>();
            for (int i = 0; i < price.size(); i++) {
                Integer c = category.get(i);
                if (price.get(i) != null && c != null && c >= 0 && c < categories.size()) {
                    facts.put(from + i, new Fact(price.get(i), categories.get(c)));
                }
            }
            return facts;
        }
    }
}
