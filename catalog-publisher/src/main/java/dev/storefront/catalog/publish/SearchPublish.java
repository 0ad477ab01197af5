package dev.storefront.catalog.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.catalog.client.Bucket;
import dev.storefront.catalog.client.BucketObject;
import dev.storefront.catalog.domain.CatalogReader;
import dev.storefront.catalog.domain.CategoryData;
import dev.storefront.catalog.domain.ProductChange;
import dev.storefront.catalog.domain.ProductData;
import dev.storefront.catalog.publish.SearchIndex.DocsJson;
import dev.storefront.catalog.publish.SearchIndex.FactsJson;
import dev.storefront.catalog.publish.SearchIndex.Field;
import dev.storefront.catalog.publish.SearchIndex.TermShard;
import dev.storefront.catalog.publish.SearchIndex.TermsJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the static search index ({@link SearchIndex}): all of it in a full publish, and in a product change only the
 * term shards of the terms the product gained or lost, its document shard and its fact shard. A change patches what
 * is in the bucket (read, change the one product, write back); a full publish rebuilds it all from the catalog, and
 * so repairs anything a lost or interleaved change left behind.
 */
@ApplicationScoped
class SearchPublish {
    private final CatalogReader reader;
    private final Bucket bucket;
    private final ObjectMapper json;

    SearchPublish(CatalogReader reader, Bucket bucket, ObjectMapper json) {
        this.reader = reader;
        this.bucket = bucket;
        this.json = json;
    }

    /**
     * What a change writes and deletes; {@code factShards} is every fact shard after it when it started or emptied one
     * (the search page lists them: {@link SiteRenderer#searchPage}), else empty.
     */
    record Update(List<BucketObject> writes, List<String> deletes, Optional<List<Long>> factShards) {
        static final Update NONE = new Update(List.of(), List.of(), Optional.empty());
    }

    /** Every object of the index, for the active products of {@code products}. */
    List<BucketObject> all(SiteRenderer.Site site, List<ProductData> products) {
        Map<String, Long> ids = reader.searchIds(null);
        Map<String, TermShard> terms = new TreeMap<>();
        Map<String, SortedMap<Long, SearchIndex.Doc>> docs = new TreeMap<>();
        Map<String, SortedMap<Long, SearchIndex.Fact>> facts = new TreeMap<>();
        for (ProductData p : products) {
            Long id = ids.get(p.sku());
            if (!p.active() || id == null) {
                continue;
            }
            String categoryName = categoryName(site, p);
            SearchIndex.termsOf(p, categoryName).forEach((term, field) -> SearchText.shardsOf(term)
                    .forEach(shard -> terms.computeIfAbsent(SearchIndex.termKey(shard), k -> new TermShard())
                            .add(term, field, id)));
            docs.computeIfAbsent(SearchIndex.docsKey(id), k -> new TreeMap<>())
                    .put(id, SearchIndex.Doc.of(p, categoryName));
            facts.computeIfAbsent(SearchIndex.factsKey(id), k -> new TreeMap<>())
                    .put(id, new SearchIndex.Fact(p.price(), p.category()));
        }
        List<BucketObject> objects = new ArrayList<>();
        terms.forEach((key, shard) -> objects.add(object(key, shard.json())));
        docs.forEach((key, shard) -> objects.add(object(key, new DocsJson(shard))));
        List<String> categories = List.copyOf(site.categories().keySet());
        facts.forEach((key, shard) ->
                objects.add(object(key, FactsJson.of(shard.firstKey() / SearchIndex.FACTS_SIZE, shard, categories))));
        return objects;
    }

    /**
     * The objects of the index one product change affects; none for a product inactive before and after, or one that
     * has no number (deleted meanwhile).
     */
    Update change(SiteRenderer.Site site, ProductChange change) {
        Optional<ProductData> before = change.before().filter(ProductData::active);
        Optional<ProductData> after = change.after().filter(ProductData::active);
        if (before.isEmpty() && after.isEmpty()) {
            return Update.NONE; // in the index neither before nor after
        }
        String sku = change.current().sku();
        OptionalLong known = change.searchId();
        Long id = known.isPresent()
                ? Long.valueOf(known.getAsLong())
                : reader.searchIds(List.of(sku)).get(sku);
        if (id == null) {
            return Update.NONE; // deleted meanwhile, and its number is gone with it
        }
        Map<String, Field> was =
                before.map(p -> SearchIndex.termsOf(p, categoryName(site, p))).orElse(Map.of());
        Map<String, Field> is =
                after.map(p -> SearchIndex.termsOf(p, categoryName(site, p))).orElse(Map.of());

        List<BucketObject> writes = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        Map<String, Set<String>> changedTermsByShard = new TreeMap<>();
        Set<String> allTerms = new TreeSet<>(was.keySet());
        allTerms.addAll(is.keySet());
        for (String term : allTerms) {
            if (!Objects.equals(was.get(term), is.get(term))) {
                SearchText.shardsOf(term).forEach(shard -> changedTermsByShard
                        .computeIfAbsent(SearchIndex.termKey(shard), k -> new TreeSet<>())
                        .add(term));
            }
        }
        changedTermsByShard.forEach((key, terms) -> {
            Optional<TermsJson> stored = read(key, TermsJson.class);
            TermShard shard = stored.map(TermShard::of).orElseGet(TermShard::new);
            for (String term : terms) {
                shard.remove(term, id);
                if (is.containsKey(term)) {
                    shard.add(term, is.get(term), id);
                }
            }
            keepOrDelete(key, stored.isPresent(), shard.isEmpty(), shard::json, writes, deletes);
        });

        String docsKey = SearchIndex.docsKey(id);
        Optional<DocsJson> storedDocs = read(docsKey, DocsJson.class);
        SortedMap<Long, SearchIndex.Doc> docs = new TreeMap<>(
                storedDocs.<Map<Long, SearchIndex.Doc>>map(DocsJson::docs).orElse(Map.of()));
        docs.remove(id);
        after.ifPresent(p -> docs.put(id, SearchIndex.Doc.of(p, categoryName(site, p))));
        keepOrDelete(docsKey, storedDocs.isPresent(), docs.isEmpty(), () -> new DocsJson(docs), writes, deletes);

        String factsKey = SearchIndex.factsKey(id);
        Optional<FactsJson> storedFacts = read(factsKey, FactsJson.class);
        SortedMap<Long, SearchIndex.Fact> facts = new TreeMap<>(
                storedFacts.<Map<Long, SearchIndex.Fact>>map(FactsJson::facts).orElse(Map.of()));
        facts.remove(id);
        after.ifPresent(p -> facts.put(id, new SearchIndex.Fact(p.price(), p.category())));
        List<String> categories = List.copyOf(site.categories().keySet());
        keepOrDelete(
                factsKey,
                storedFacts.isPresent(),
                facts.isEmpty(),
                () -> FactsJson.of(id / SearchIndex.FACTS_SIZE, facts, categories),
                writes,
                deletes);
        return new Update(writes, deletes, factShardsAfter(factsKey, storedFacts.isPresent(), !facts.isEmpty()));
    }

    /** Every fact shard once {@code key} exists ({@code exists}) or not, if that differs from before; else empty. */
    private Optional<List<Long>> factShardsAfter(String key, boolean existed, boolean exists) {
        if (existed == exists) {
            return Optional.empty();
        }
        Set<String> keys = new TreeSet<>(bucket.etags(SearchIndex.FACTS).keySet());
        if (exists) {
            keys.add(key);
        } else {
            keys.remove(key);
        }
        return Optional.of(SearchIndex.factShards(keys));
    }

    private void keepOrDelete(
            String key,
            boolean stored,
            boolean empty,
            java.util.function.Supplier<Object> content,
            List<BucketObject> writes,
            List<String> deletes) {
        if (empty) {
            if (stored) {
                deletes.add(key); // a full publish would not produce it
            }
        } else {
            writes.add(object(key, content.get()));
        }
    }

    private static String categoryName(SiteRenderer.Site site, ProductData p) {
        CategoryData category = site.categories().get(p.category());
        return category == null ? p.category() : category.name();
    }

    private <T> Optional<T> read(String key, Class<T> type) {
        return bucket.read(key).map(body -> {
            try {
                return json.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + key + " from the bucket", e);
            }
        });
    }

    private BucketObject object(String key, Object document) {
        try {
            return BucketObject.of(key, json.writeValueAsBytes(document), SiteRenderer.JSON, SiteRenderer.SHORT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + key, e);
        }
    }
}
