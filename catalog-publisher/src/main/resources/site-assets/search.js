// The search page (/search.html?q=…&category=…&sort=…): answers from the static search index in the bucket
// (/search/v1/…, written by catalog-publisher), never from an API, so searching costs the services nothing.
// No dependencies and no build step; results are written with textContent, never as HTML.
//
// The index format and the reading rules are a contract: docs/architecture.md, "Search". normalise, terms,
// prefixShard, suffixShard, shardsForQuery and withinOneTypo must do exactly what catalog-publisher's SearchText does.
(function () {
  "use strict";

  var ROOT = "/search/v1/";
  var TYPO_LENGTH = 5;
  var SUFFIX_LENGTH = TYPO_LENGTH - 1;
  var DOCS_SIZE = 16;
  var FACTS_SIZE = 1024;
  var PAGE = 20;
  /** Weight of a match in a product's name, attributes and category (the order of a term's posting lists). */
  var WEIGHTS = [3, 2, 1];
  var EXACT = 1;
  var PREFIX = 0.8;
  var TYPO = 0.6;

  // ---- reading text, as SearchText does ---------------------------------------------------------------------------

  function normalise(text) {
    return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  }

  function terms(text) {
    var out = [];
    normalise(text).split(/[^\p{L}\p{N}]+/u).forEach(function (word) {
      if (Array.from(word).length >= 2 && out.indexOf(word) < 0) {
        out.push(word);
      }
    });
    return out;
  }

  function key(points) {
    var plain = points.join("");
    if (/^[a-z0-9]+$/.test(plain)) {
      return plain;
    }
    return "_" + points.map(function (c) { return c.codePointAt(0).toString(16); }).join("_");
  }

  function prefixShard(term) {
    return "p/" + key(Array.from(term).slice(0, 2));
  }

  function suffixShard(term) {
    var points = Array.from(term);
    return points.length < SUFFIX_LENGTH ? null : "s/" + key(points.slice(-2));
  }

  function shardsForQuery(word) {
    return Array.from(word).length >= TYPO_LENGTH ? [prefixShard(word), suffixShard(word)] : [prefixShard(word)];
  }

  function tailEquals(x, from, y, yFrom) {
    if (x.length - from !== y.length - yFrom) {
      return false;
    }
    for (var k = 0; from + k < x.length; k++) {
      if (x[from + k] !== y[yFrom + k]) {
        return false;
      }
    }
    return true;
  }

  /** One letter missing, added, replaced, or two neighbours swapped (in code points). */
  function withinOneTypo(a, b) {
    var x = Array.from(a);
    var y = Array.from(b);
    if (Math.abs(x.length - y.length) > 1) {
      return false;
    }
    var i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) {
      i++;
    }
    if (i === x.length && i === y.length) {
      return true;
    }
    if (x.length === y.length) {
      return tailEquals(x, i + 1, y, i + 1)
        || (i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && tailEquals(x, i + 2, y, i + 2));
    }
    return x.length > y.length ? tailEquals(x, i + 1, y, i) : tailEquals(x, i, y, i + 1);
  }

  // ---- fetching the index -----------------------------------------------------------------------------------------

  var loaded = {};

  /** One object of the index (kept for the page's life); null when it does not exist (no such term, no product). */
  function load(path) {
    if (!loaded[path]) {
      loaded[path] = window.fetch(ROOT + path, { credentials: "omit", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (response.status === 404 || response.status === 403) {
            return null; // S3 behind CloudFront answers 403 for a missing key
          }
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.json();
        });
      loaded[path].catch(function () {
        delete loaded[path]; // try again on the next search
      });
    }
    return loaded[path];
  }

  function unique(values) {
    return values.filter(function (v, i) { return values.indexOf(v) === i; });
  }

  // ---- matching and ranking ---------------------------------------------------------------------------------------

  /** Product number → best score of one query word, over its shards' terms. */
  function matchWord(word, shards) {
    var scores = new Map();
    var typos = Array.from(word).length >= TYPO_LENGTH;
    shards.forEach(function (shard) {
      if (!shard) {
        return;
      }
      Object.keys(shard.terms).forEach(function (term) {
        var quality = term === word ? EXACT
          : term.indexOf(word) === 0 ? PREFIX
            : typos && withinOneTypo(word, term) ? TYPO : 0;
        if (!quality) {
          return;
        }
        shard.terms[term].forEach(function (deltas, field) {
          var score = quality * WEIGHTS[field];
          var id = 0;
          deltas.forEach(function (delta) {
            id += delta;
            if (!(scores.get(id) >= score)) {
              scores.set(id, score);
            }
          });
        });
      });
    });
    return scores;
  }

  /** Products matching every word, with the sum of their scores. */
  function matchAll(words, shardsByPath) {
    var result = null;
    words.forEach(function (word) {
      var scores = matchWord(word, shardsForQuery(word).map(function (p) { return shardsByPath[p]; }));
      if (result === null) {
        result = scores;
        return;
      }
      var both = new Map();
      result.forEach(function (score, id) {
        if (scores.has(id)) {
          both.set(id, score + scores.get(id));
        }
      });
      result = both;
    });
    return result || new Map();
  }

  /**
   * Starts fetching every fact shard the page lists (data-facts, written by the publisher), for a search that filters
   * or sorts by price: they are fetched alongside the term shards instead of after them. A shard started since the
   * page was published is still fetched by factsOf, once the matches name it.
   */
  function preloadFacts() {
    factShards.forEach(function (n) { load("facts/" + n + ".json"); });
  }

  /** Price and category of each product, from the fact shards the matches fall in. */
  function factsOf(ids) {
    var shards = unique(ids.map(function (id) { return Math.floor(id / FACTS_SIZE); }));
    return Promise.all(shards.map(function (n) { return load("facts/" + n + ".json"); })).then(function (list) {
      var facts = new Map();
      list.forEach(function (shard) {
        if (!shard) {
          return;
        }
        shard.price.forEach(function (price, i) {
          if (price !== null && shard.category[i] !== null) {
            facts.set(shard.from + i, { price: price, category: shard.categories[shard.category[i]] });
          }
        });
      });
      return facts;
    });
  }

  /** The numbers of the matching products, filtered and in the order asked for. */
  function rank(scores, query) {
    var ids = Array.from(scores.keys());
    var byRelevance = function (a, b) { return scores.get(b) - scores.get(a) || a - b; };
    if (!query.category && query.sort === "relevance") {
      return Promise.resolve(ids.sort(byRelevance));
    }
    return factsOf(ids).then(function (facts) {
      var kept = ids.filter(function (id) {
        var fact = facts.get(id);
        return fact && (!query.category || fact.category === query.category);
      });
      var direction = query.sort === "price-desc" ? -1 : 1;
      return kept.sort(query.sort === "relevance" ? byRelevance : function (a, b) {
        return direction * (facts.get(a).price - facts.get(b).price) || byRelevance(a, b);
      });
    });
  }

  function docsOf(ids) {
    var shards = unique(ids.map(function (id) { return Math.floor(id / DOCS_SIZE); }));
    return Promise.all(shards.map(function (n) { return load("docs/" + n + ".json"); })).then(function (list) {
      var docs = new Map();
      list.forEach(function (shard) {
        if (shard) {
          Object.keys(shard.docs).forEach(function (id) { docs.set(Number(id), shard.docs[id]); });
        }
      });
      return ids.map(function (id) { return docs.get(id); }).filter(Boolean);
    });
  }

  // ---- the page ---------------------------------------------------------------------------------------------------

  var form = document.getElementById("search-form");
  var list = document.querySelector("[data-search-results]");
  var summary = document.getElementById("search-summary");
  var more = document.querySelector("[data-search-more]");
  var current = { ids: [], shown: 0, run: 0, shownAt: 0 };
  var factShards = (form.dataset.facts || "").split(" ").filter(Boolean);

  function queryOf(search) {
    var params = new URLSearchParams(search);
    var sort = params.get("sort");
    return {
      q: (params.get("q") || "").trim(),
      category: params.get("category") || "",
      sort: sort === "price" || sort === "price-desc" ? sort : "relevance"
    };
  }

  function showQuery(query) {
    form.elements.q.value = query.q;
    form.elements.category.value = query.category;
    if (form.elements.category.value !== query.category) {
      form.elements.category.value = ""; // a category that no longer exists
      query.category = "";
    }
    form.elements.sort.value = query.sort;
    var header = document.getElementById("site-search");
    if (header) {
      header.value = query.q;
    }
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== null && text !== undefined) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function card(doc) {
    var item = el("li", null, "card");
    item.dataset.sku = doc.sku;
    var link = el("a");
    link.href = doc.url;
    var image = el("img");
    image.src = doc.image;
    image.alt = "";
    image.width = 240;
    image.height = 240;
    image.loading = "lazy";
    link.appendChild(image);
    link.appendChild(el("h2", doc.name));
    item.appendChild(link);
    var price = el("p", null, "price");
    var data = el("data", doc.priceText);
    data.value = String(doc.price);
    price.appendChild(data);
    item.appendChild(price);
    item.appendChild(el("p", doc.category, "category"));
    item.appendChild(el("p", doc.availability, "stock"));
    return item;
  }

  function describe(count, query) {
    var where = "";
    if (query.category) {
      var option = form.elements.category.selectedOptions[0];
      where = " in " + (option ? option.textContent : query.category);
    }
    if (count === 0) {
      return "No products match “" + query.q + "”" + where + ". Check the spelling, or try fewer words.";
    }
    return count + (count === 1 ? " product matches “" : " products match “") + query.q + "”" + where + ".";
  }

  /** Shows the next page of results; resolves with the first new item. */
  function showMore(run) {
    var ids = current.ids.slice(current.shown, current.shown + PAGE);
    return docsOf(ids).then(function (docs) {
      if (run !== current.run) {
        return null; // a newer search started meanwhile
      }
      var first = null;
      docs.forEach(function (doc) {
        var item = card(doc);
        first = first || item;
        list.appendChild(item);
      });
      current.shown += ids.length;
      more.hidden = current.shown >= current.ids.length;
      return first;
    });
  }

  /**
   * Bytes of the index fetched since `since` (the body as sent, so compressed where the edge compresses): for a
   * search, since the one before it showed its results, so what was fetched while the shopper typed (or chose a sort)
   * counts too; "Show more results" of the one before is counted with it, erring on the high side.
   */
  function bytesSince(since) {
    return performance.getEntriesByType("resource")
      .filter(function (e) { return e.name.indexOf(ROOT) >= 0 && e.startTime >= since; })
      .reduce(function (sum, e) { return sum + (e.encodedBodySize || 0); }, 0);
  }

  function search(query) {
    var run = ++current.run;
    var started = performance.now();
    var words = terms(query.q);
    list.textContent = "";
    more.hidden = true;
    current.ids = [];
    current.shown = 0;
    if (words.length === 0) {
      summary.textContent = query.q ? "Type a word of two letters or more." : "";
      return Promise.resolve();
    }
    summary.textContent = "Searching…";
    var paths = unique([].concat.apply([], words.map(shardsForQuery)));
    var termShards = Promise.all(paths.map(function (p) { return load("terms/" + p + ".json"); }));
    if (query.category || query.sort !== "relevance") {
      preloadFacts(); // after the term shards, so that they are asked for first
    }
    return termShards.then(function (shards) {
      var byPath = {};
      paths.forEach(function (p, i) { byPath[p] = shards[i]; });
      return rank(matchAll(words, byPath), query);
    }).then(function (ids) {
      if (run !== current.run) {
        return;
      }
      current.ids = ids;
      return showMore(run).then(function () {
        if (run !== current.run) {
          return;
        }
        summary.textContent = describe(ids.length, query);
        var now = performance.now();
        window.StorefrontSearch.last = {
          query: query.q, results: ids.length, ms: Math.round(now - started),
          sinceNavigation: Math.round(now), bytes: bytesSince(current.shownAt)
        };
        current.shownAt = now;
        list.dataset.searchMs = String(window.StorefrontSearch.last.ms);
        console.info("search: first results for \"" + query.q + "\" in " + window.StorefrontSearch.last.ms
          + " ms, " + window.StorefrontSearch.last.bytes + " bytes of index fetched");
      });
    }).catch(function () {
      if (run === current.run) {
        summary.textContent = "";
        window.Storefront.messages.error(
          "Search is not available right now. Browsing the categories still works.", null, false);
      }
    });
  }

  function go(push) {
    var params = new URLSearchParams(new FormData(form));
    if (!params.get("category")) {
      params.delete("category");
    }
    if (params.get("sort") === "relevance") {
      params.delete("sort");
    }
    var url = "/search.html?" + params.toString();
    if (push) {
      history.pushState(null, "", url);
    }
    var query = queryOf(params.toString());
    showQuery(query);
    return search(query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    go(true);
  });
  // A shopper about to filter or sort: the fact shards that needs are fetched while they choose.
  ["focus", "pointerdown"].forEach(function (type) {
    form.elements.category.addEventListener(type, preloadFacts);
    form.elements.sort.addEventListener(type, preloadFacts);
  });
  form.elements.category.addEventListener("change", function () { go(true); });
  form.elements.sort.addEventListener("change", function () { go(true); });
  more.addEventListener("click", function () {
    showMore(current.run).then(function (first) {
      if (first) {
        first.querySelector("a").focus();
      }
    });
  });
  // While the shopper types, the term shards of the words so far: a word's prefix shard from its second letter on,
  // its suffix shard too once it is followed by a space. The search then finds them fetched, or on their way.
  form.elements.q.addEventListener("input", function () {
    var value = form.elements.q.value;
    var parts = normalise(value).split(/[^\p{L}\p{N}]+/u);
    var typing = parts[parts.length - 1]; // "" once the value ends with a space
    terms(value).forEach(function (word) {
      (word === typing ? [prefixShard(word)] : shardsForQuery(word)).forEach(function (p) {
        load("terms/" + p + ".json");
      });
    });
  });
  window.addEventListener("popstate", function () {
    var query = queryOf(location.search);
    showQuery(query);
    search(query);
  });

  window.StorefrontSearch = { terms: terms, last: null };
  var initial = queryOf(location.search);
  showQuery(initial);
  search(initial);
})();
