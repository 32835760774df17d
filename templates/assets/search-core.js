// Archive search: the query engine, without the page. Used by search.js in the browser and by the
// tests under node. The text rules (Han characters, words, stemmer, pinyin key, term hash) must
// agree with the index builder, archive.search.SearchText in the generator.
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ArchiveSearchCore = api;
})(this, function () {
  "use strict";

  var HAN = /\p{Script=Han}/u;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  var DIGIT = new Int8Array(128);
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
  /** Below this many candidates, Chinese phrases are verified in every candidate, so the count is exact. */
  var VERIFY_ALL = 200;


  /**
   * Splits text into runs: {type: "han"|"word", text, start, end}, offsets in UTF-16 units.
   * A run of Han characters is one run; a word is a run of other letters and digits.
   */
  var RUN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{Nd}])+)/gu;
  function runs(text) {
    var out = [], m;
    RUN.lastIndex = 0;
    while ((m = RUN.exec(text)) !== null) {
      out.push({ type: m[1] ? "han" : "word", text: m[0], start: m.index, end: m.index + m[0].length });
    }
    return out;
  }

  function stemmable(s, suffix) {
    var n = s.length - suffix;
    return n >= 3 && /[aeiouy]/.test(s.slice(0, n));
  }

  function finalE(s) { return s.length > 3 && s.charAt(s.length - 1) === "e" ? s.slice(0, -1) : s; }

  /** The light inflectional stemmer of SearchText.stem; see there for the rules. */
  function stem(w) {
    if (w.length <= 3) return w;
    var s = w;
    if (/ies$/.test(s) && s.length > 4) return finalE(s.slice(0, -3) + "y");
    if (/(sses|xes|ches|shes|zes)$/.test(s)) s = s.slice(0, -2);
    else if (/s$/.test(s) && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
    var stripped = false;
    if (/ied$/.test(s) && s.length > 4) s = s.slice(0, -3) + "y";
    else if (/eed$/.test(s)) { /* need, speed: keep */ }
    else if (/ed$/.test(s) && stemmable(s, 2)) { s = s.slice(0, -2); stripped = true; }
    else if (/ing$/.test(s) && stemmable(s, 3)) { s = s.slice(0, -3); stripped = true; }
    if (stripped && s.length >= 2) {
      var a = s.charAt(s.length - 1), b = s.charAt(s.length - 2);
      if (a === b && "aeiouylsz".indexOf(a) < 0 && /\p{L}/u.test(a)) s = s.slice(0, -1);
    }
    return finalE(s);
  }

  function term(word) { return stem(word.toLowerCase()); }

  /** Pinyin reduced to a key: tone marks and everything but a-z removed. */
  function pinyinKey(s) {
    return s.normalize("NFD").toLowerCase().replace(/[^a-z]/g, "");
  }

  /** FNV-1a over UTF-16 code units, as SearchText.hash. */
  function hash(s) {
    var h = 0x811c9dc5;
    for (var k = 0; k < s.length; k++) {
      h ^= s.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /**
   * Where the number {@link vlq} read last ends: the next one's start. (One cursor shared, not a
   * reader object per string: decoding postings through a reader's closures took 34 ms a million
   * postings under node, against 18-22 ms so.)
   */
  var VLQ = { next: 0 };

  /** The base64 VLQ number (five bits a digit, low first, the sixth bit "more") that starts at str[k]. */
  function vlq(str, k) {
    var value = 0, scale = 1, d;
    do {
      d = DIGIT[str.charCodeAt(k++)];
      value += (d & 31) * scale;
      scale *= 32;
    } while (d & 32);
    VLQ.next = k;
    return value;
  }

  /**
   * Decodes postings (gaps as base64 VLQ, each followed by one digit of weight) into typed arrays:
   * {docs: Int32Array ascending, weights: Uint8Array}. A list of 100,000 postings makes no objects.
   */
  function decode(str) {
    // Every posting takes at least two characters, a gap and a weight.
    var cap = str.length >> 1;
    var docs = new Int32Array(cap), weights = new Uint8Array(cap);
    var doc = -1, k = 0, n = 0;
    while (k < str.length) {
      var gap = vlq(str, k);
      k = VLQ.next;
      doc += gap + 1;
      docs[n] = doc;
      weights[n++] = DIGIT[str.charCodeAt(k++)];
    }
    return { docs: docs.subarray(0, n), weights: weights.subarray(0, n) };
  }

  function emptyList() { return { docs: new Int32Array(0), weights: new Uint8Array(0) }; }

  /**
   * A query as clauses, all of which must match: a Han run is a phrase (its bigrams, or the
   * character alone), a word its stem, and words between double quotes ("pig iron", “pig iron”)
   * a phrase of their stems; an unclosed quote runs to the end. A Han run inside quotes is a
   * phrase of its own. A query that is wholly a glossary term's pinyin becomes the term.
   */
  function parse(query, meta) {
    var q = (query || "").trim();
    var pinyin = null;
    var key = pinyinKey(q);
    if (key && meta && meta.pinyin && Object.prototype.hasOwnProperty.call(meta.pinyin, key) && !HAN.test(q)) {
      pinyin = { from: q, to: meta.pinyin[key] };
      q = meta.pinyin[key];
    }
    var clauses = [], seen = {};
    function add(c, id) {
      if (!seen[id]) { seen[id] = true; clauses.push(c); }
    }
    function addWords(words) {
      if (!words.length) return;
      var stems = words.map(term);
      if (words.length === 1) add({ kind: "word", text: words[0], stem: stems[0], terms: stems, verify: false }, "word:" + stems[0]);
      else add({ kind: "phrase", text: words.join(" "), stems: stems, terms: unique(stems), verify: true }, "phrase:" + stems.join(" "));
    }
    q.split(/["\u201c\u201d]/).forEach(function (part, p) {
      var quoted = p % 2 === 1, words = [];
      runs(part).forEach(function (r) {
        if (r.type === "han") {
          addWords(words);
          words = [];
          var chars = Array.from(r.text);
          var terms = [];
          if (chars.length === 1) terms.push(chars[0]);
          for (var k = 0; k + 1 < chars.length; k++) terms.push(chars[k] + chars[k + 1]);
          add({ kind: "han", text: r.text, terms: unique(terms), verify: chars.length > 2 }, "han:" + r.text);
        } else if (quoted) {
          words.push(r.text);
        } else {
          addWords([r.text]);
        }
      });
      addWords(words);
    });
    return { clauses: clauses, pinyin: pinyin };
  }

  function unique(xs) {
    var out = [];
    xs.forEach(function (x) { if (out.indexOf(x) < 0) out.push(x); });
    return out;
  }

  /** Intersects postings; the weight of a doc is the smallest of its weights in the lists. */
  function intersect(lists) {
    if (!lists.length) return emptyList();
    lists = lists.slice().sort(function (a, b) { return a.docs.length - b.docs.length; });
    var docs = lists[0].docs, weights = lists[0].weights;
    for (var l = 1; l < lists.length && docs.length; l++) {
      var od = lists[l].docs, ow = lists[l].weights, n = 0, j = 0;
      var nd = new Int32Array(docs.length), nw = new Uint8Array(docs.length);
      for (var k = 0; k < docs.length && j < od.length; k++) {
        var d = docs[k];
        while (j < od.length && od[j] < d) j++;
        if (j < od.length && od[j] === d) {
          nd[n] = d;
          nw[n++] = Math.min(weights[k], ow[j]);
        }
      }
      docs = nd.subarray(0, n);
      weights = nw.subarray(0, n);
    }
    return { docs: docs, weights: weights };
  }

  /**
   * The reading order of meta.js: {order: article numbers in reading order, rank: each number's
   * place in it}. The index numbers articles by their seeds' names, so that a corrected date
   * leaves the postings as they were; "order" gives each number's difference from the one before,
   * less one, zigzag-encoded as base64 VLQ. Without it, the numbers are the reading order.
   */
  function readingOrder(m) {
    if (m.reading) return m.reading;
    var n = m.docs || 0, order = new Int32Array(n), rank = new Int32Array(n), str = m.order;
    if (typeof str !== "string") {
      for (var i = 0; i < n; i++) order[i] = rank[i] = i;
    } else {
      var k = 0, prev = -1;
      for (var p = 0; p < n && k < str.length; p++) {
        var z = vlq(str, k);
        k = VLQ.next;
        prev += (z % 2 ? -(z + 1) / 2 : z / 2) + 1;
        order[p] = prev;
        rank[prev] = p;
      }
    }
    m.reading = { order: order, rank: rank };
    return m.reading;
  }

  /** The articles at places [from, to) of the reading order, as a list (ascending numbers). */
  function range(reading, from, to) {
    var docs = Int32Array.from(reading.order.subarray(Math.max(0, from), Math.max(0, to))).sort();
    return { docs: docs, weights: new Uint8Array(docs.length).fill(1) };
  }

  /**
   * The BM25 score of each candidate (aligned with {@code docs}): the sum over the query's clauses
   * of idf × the clause's stored term-frequency weight. Every list holds every candidate.
   */
  function scores(docs, clauseLists, total) {
    var score = new Float64Array(docs.length);
    clauseLists.forEach(function (list) {
      var df = list.docs.length;
      var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
      var ld = list.docs, lw = list.weights, j = 0;
      for (var k = 0; k < docs.length; k++) {
        while (ld[j] < docs[k]) j++;
        score[k] += idf * lw[j];
      }
    });
    return score;
  }

  /**
   * The best {@code k} candidates ranked after position {@code after} (-1: from the top), as
   * positions in rank order. Rank: higher score first, a tie to the earlier article: the lower
   * {@code place} (each candidate's place in the reading order), or without it the lower position.
   * A bounded heap keeps the k best seen, its root the worst of them, so a page costs one pass over
   * the candidates, not a full sort.
   */
  function topK(score, k, after, place) {
    var n = score.length;
    k = Math.min(k, n);
    var heap = new Int32Array(k), size = 0;
    // a ranks below b
    function below(a, b) {
      return score[a] < score[b] || (score[a] === score[b] && (place ? place[a] > place[b] : a > b));
    }
    function down(i) {
      var x = heap[i];
      for (;;) {
        var c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && below(heap[c + 1], heap[c])) c++;
        if (!below(heap[c], x)) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = x;
    }
    if (k <= 0) return heap;
    for (var i = 0; i < n; i++) {
      if (after >= 0 && !below(i, after)) continue;
      if (size < k) {
        // Sift up: the root stays the worst kept.
        var at = size++;
        while (at > 0) {
          var parent = (at - 1) >> 1;
          if (!below(i, heap[parent])) break;
          heap[at] = heap[parent];
          at = parent;
        }
        heap[at] = i;
      } else if (below(heap[0], i)) {
        heap[0] = i;
        down(0);
      }
    }
    var out = new Int32Array(size);
    for (var m = size - 1; m >= 0; m--) {
      out[m] = heap[0];
      heap[0] = heap[--size];
      down(0);
    }
    return out;
  }

  /**
   * Candidates in rank order, a batch at a time: take(n) gives the next n article numbers. Batches
   * double in size, so paging through everything costs O(N log N) at worst, and the first page one pass.
   */
  function ranking(docs, score, rank) {
    var last = -1, taken = 0, batch = new Int32Array(0), at = 0, size = 16;
    // Each candidate's place in the reading order, where ties go by it (see topK).
    var place = rank ? Int32Array.from(docs, function (d) { return rank[d]; }) : null;
    return {
      size: docs.length,
      remaining: function () { return docs.length - taken; },
      /** The candidates not yet taken, in rank order, without taking them. */
      rest: function () {
        return Array.from(topK(score, docs.length - taken, last, place), function (i) { return docs[i]; });
      },
      take: function (n) {
        var out = [];
        while (out.length < n && taken < docs.length) {
          if (at === batch.length) {
            batch = topK(score, Math.max(size, n - out.length), last, place);
            size *= 2;
            at = 0;
          }
          last = batch[at++];
          out.push(docs[last]);
          taken++;
        }
        return out;
      }
    };
  }

  /** Article numbers already in order, as a ranking. */
  function listRanking(order) {
    var taken = 0;
    return {
      size: order.length,
      remaining: function () { return order.length - taken; },
      rest: function () { return order.slice(taken); },
      take: function (n) {
        var out = order.slice(taken, taken + n);
        taken += out.length;
        return out;
      }
    };
  }

  /** Where a clause matches in a text: [start, end) pairs. */
  function matches(clause, text) {
    var out = [];
    if (!text) return out;
    if (clause.kind === "han") {
      var at = text.indexOf(clause.text);
      while (at >= 0) {
        out.push([at, at + clause.text.length]);
        at = text.indexOf(clause.text, at + 1);
      }
      return out;
    }
    var stems = clause.kind === "phrase" ? clause.stems : [clause.stem];
    // Every inflected form starts with the stem but for its last letter (cities: city).
    var lower = text.toLowerCase();
    for (var s = 0; s < stems.length; s++) {
      if (lower.indexOf(stems[s].slice(0, Math.max(1, stems[s].length - 1))) < 0) return out;
    }
    var rs = runs(text);
    var terms = rs.map(function (r) { return r.type === "word" ? term(r.text) : null; });
    // A phrase: its words in order, one run after another with only spaces or punctuation between
    // them, and no line break (which separates the paragraphs of a row).
    for (var i = 0; i + stems.length <= rs.length; i++) {
      var k = 0;
      while (k < stems.length && terms[i + k] === stems[k] && (k === 0 || text.lastIndexOf("\n", rs[i + k].start) < rs[i + k - 1].end)) k++;
      if (k === stems.length) out.push([rs[i].start, rs[i + k - 1].end]);
    }
    return out;
  }

  /** Cuts an excerpt of about {@code width} characters around the first match, with the matches inside it. */
  function excerpt(text, ranges, width) {
    ranges = ranges.slice().sort(function (a, b) { return a[0] - b[0]; });
    var first = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, first - Math.floor(width / 3));
    var to = Math.min(text.length, from + width);
    from = Math.max(0, Math.min(from, to - width));
    // Start and end at a space when there is one near, so English words are not cut.
    var space = text.indexOf(" ", from);
    if (from > 0 && space >= 0 && space < first && space - from < 24) from = space + 1;
    var last = ranges.length ? ranges[ranges.length - 1][1] : 0;
    var end = text.lastIndexOf(" ", to);
    if (to < text.length && end > Math.max(from, last) && to - end < 24) to = end;
    var marks = [];
    ranges.forEach(function (r) {
      if (r[0] >= from && r[1] <= to && (!marks.length || r[0] >= marks[marks.length - 1][1])) marks.push([r[0] - from, r[1] - from]);
    });
    return { text: text.slice(from, to), marks: marks, before: from > 0, after: to < text.length };
  }

  /**
   * Checks an article's text against the clauses and makes its hit: the first segment matching the
   * most clauses, its anchor, and excerpts of each language that matches. Null when a phrase that
   * needed verifying is not in the text.
   */
  function hit(docNumber, doc, clauses) {
    var found = clauses.map(function () { return false; });
    var best = null, bestCount = -1;
    // Body paragraphs first: the headline is the best segment only when it matches more clauses.
    var segs = doc.s.slice(1).concat(doc.s.slice(0, 1));
    segs.forEach(function (seg) {
      var count = 0, zh = [], en = [];
      clauses.forEach(function (c, k) {
        var mz = matches(c, seg[1]), me = matches(c, seg[2]);
        if (mz.length || me.length) { count++; found[k] = true; }
        zh = zh.concat(mz);
        en = en.concat(me);
      });
      if (count > bestCount) { best = { seg: seg, zh: zh, en: en }; bestCount = count; }
    });
    for (var k = 0; k < clauses.length; k++) if (!found[k]) return null;
    if (!best || bestCount === 0) {
      var seg = doc.s.length > 1 ? doc.s[1] : doc.s[0];
      best = { seg: seg || ["title", "", ""], zh: [], en: [] };
    }
    var excerpts = [];
    if (best.seg[1] && (best.zh.length || !best.en.length)) excerpts.push({ lang: "zh-Hans", part: excerpt(best.seg[1], best.zh, 90) });
    if (best.seg[2] && (best.en.length || !best.zh.length)) excerpts.push({ lang: "en", part: excerpt(best.seg[2], best.en, 220) });
    return { doc: docNumber, id: doc.id, title: doc.t, headline: doc.h, date: doc.d, page: doc.p, anchor: best.seg[0], excerpts: excerpts };
  }

  /**
   * The engine over a loader: load(name) returns a promise of the data a file registered
   * ("meta", "s/12", "d/0/3").
   */
  function createEngine(load) {
    var metaPromise = null;
    function meta() { return metaPromise || (metaPromise = load("meta")); }

    function postings(t, m) {
      var shard = "s/" + (hash(t) % m.shards);
      return load(shard).then(function (data) {
        if (!Object.prototype.hasOwnProperty.call(data, t)) return emptyList();
        var v = data[t];
        if (v.charAt(0) === "=") return load(v.slice(1)).then(function (own) { return decode(own[t]); });
        return decode(v);
      });
    }

    /**
     * Runs a query: params {q, year, place, industry, entry}. Resolves to a result set whose
     * next(n) gives the next n hits (verified), and whose count is exact when {@code exact}.
     */
    function search(params) {
      return meta().then(function (m) {
        var parsed = parse(params.q, m);
        var clauses = parsed.clauses;
        var filters = [];
        ["place", "industry", "entry"].forEach(function (f) { if (params[f]) filters.push(f + ":" + params[f]); });
        var jobs = clauses.map(function (c) {
          return Promise.all(c.terms.map(function (t) { return postings(t, m); })).then(intersect);
        });
        var filterJobs = filters.map(function (f) { return postings(f, m); });
        return Promise.all([Promise.all(jobs), Promise.all(filterJobs)]).then(function (got) {
          var clauseLists = got[0], filterLists = got[1].slice();
          if (params.year) {
            var yr = (m.years || []).filter(function (y) { return String(y[0]) === String(params.year); })[0];
            filterLists.push(yr ? range(readingOrder(m), yr[1], yr[2]) : emptyList());
          }
          if (!clauses.length && !filterLists.length) return resultSet(parsed, listRanking([]), [], false);
          var all = intersect(clauseLists.concat(filterLists));
          var verify = clauses.some(function (c) { return c.verify; });
          return resultSet(parsed, ranking(all.docs, scores(all.docs, clauseLists, m.docs), readingOrder(m).rank), clauses, verify);
        });
      });
    }

    /**
     * The hits of a ranking. Candidates that need verifying (phrases) are checked against their
     * article's text as they are shown; the count is exact once every candidate has been checked.
     */
    function resultSet(parsed, ranked, clauses, verify) {
      var rejected = 0;
      var set = {
        query: parsed,
        candidates: ranked.size,
        /** True when every candidate has been checked, so candidates - rejected is the count. */
        exact: !verify || ranked.size === 0,
        count: function () { return ranked.size - rejected; },
        next: function (n) {
          var out = [];
          function step() {
            if (out.length >= n || !ranked.remaining()) {
              if (!ranked.remaining()) set.exact = true;
              return Promise.resolve(out);
            }
            var batch = ranked.take(Math.max(n - out.length, 1));
            return Promise.all(batch.map(function (d) { return load(docFile(d)); })).then(function (docs) {
              docs.forEach(function (doc, k) {
                var h = hit(batch[k], doc, clauses);
                if (h) out.push(h); else rejected++;
              });
              return step();
            });
          }
          return step();
        },
        /** Verifies every remaining candidate (and so makes the count exact), keeping the hits for next(). */
        verifyAll: function () {
          if (!verify) return Promise.resolve(set);
          var order = ranked.take(ranked.remaining());
          return Promise.all(order.map(function (d) { return load(docFile(d)); })).then(function (docs) {
            var kept = order.filter(function (d, k) { return hit(d, docs[k], clauses) !== null; });
            rejected += order.length - kept.length;
            var size = ranked.size - rejected;
            ranked = listRanking(kept);
            verify = false;
            set.exact = true;
            set.count = function () { return size; };
            return set;
          });
        },
        /** The candidates not yet shown, ranked. */
        order: function () { return ranked.rest(); }
      };
      if (verify && ranked.size <= VERIFY_ALL) return set.verifyAll();
      return Promise.resolve(set);
    }

    return { meta: meta, search: search };
  }

  function docFile(n) { return "d/" + Math.floor(n / 1000) + "/" + (n % 1000); }

  return {
    runs: runs, stem: stem, term: term, pinyinKey: pinyinKey, hash: hash, decode: decode, parse: parse,
    intersect: intersect, scores: scores, topK: topK, ranking: ranking, readingOrder: readingOrder, matches: matches, excerpt: excerpt, hit: hit,
    createEngine: createEngine, docFile: docFile, VERIFY_ALL: VERIFY_ALL
  };
});
