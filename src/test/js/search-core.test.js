// Unit tests of the search client's engine (templates/assets/search-core.js), run by `node --test`
// from SearchClientJsTest. The stem and hash tables are shared with the Java tests.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const core = require(path.join(__dirname, "../../../templates/assets/search-core.js"));

function table(name) {
  return fs.readFileSync(path.join(__dirname, "../resources/search", name), "utf8").split("\n")
    .filter((l) => l.length && !l.startsWith("#")).map((l) => l.split("\t"));
}

test("the stemmer agrees with the shared table", () => {
  for (const [word, stem] of table("stems.tsv")) assert.equal(core.stem(word), stem, word);
});

test("the term hash agrees with the shared table", () => {
  for (const [term, hash] of table("hashes.tsv")) assert.equal(core.hash(term), Number(hash), term);
});

test("text splits into Han runs and words, with UTF-16 offsets", () => {
  const r = core.runs("Taiyuan 太原市，1959年 steel-works");
  assert.deepEqual(r.map((x) => [x.type, x.text, x.start, x.end]), [
    ["word", "Taiyuan", 0, 7], ["han", "太原市", 8, 11], ["word", "1959", 12, 16], ["han", "年", 16, 17],
    ["word", "steel", 18, 23], ["word", "works", 24, 29]]);
});

test("a Chinese run becomes its bigrams, one character itself, and phrases of three need verifying", () => {
  const q = core.parse("大跃进 钢 steelworks 钢铁", { pinyin: {} });
  assert.deepEqual(q.clauses.map((c) => [c.kind, c.terms, c.verify]), [
    ["han", ["大跃", "跃进"], true], ["han", ["钢"], false], ["word", ["steelwork"], false], ["han", ["钢铁"], false]]);
});

test("a glossary term's pinyin, with or without spaces and tones, becomes the term", () => {
  const meta = { pinyin: { dayuejin: "大跃进" } };
  for (const q of ["dayuejin", "da yue jin", "Dà Yuèjìn", "da-yue-jin"]) assert.equal(core.parse(q, meta).clauses[0].text, "大跃进", q);
  assert.equal(core.parse("steel", meta).pinyin, null);
});

test("postings decode from base64 VLQ gaps and weights", () => {
  // docs 0 (weight 5), 1 (weight 63), 40 (weight 1): gaps 0, 0, 38 = "m" with continuation "mB"
  const list = core.decode("AFA/mBB");
  assert.deepEqual(Array.from(list.docs), [0, 1, 40]);
  assert.deepEqual(Array.from(list.weights), [5, 63, 1]);
});

test("intersection keeps common documents with their smallest weight", () => {
  const list = (docs, weights) => ({ docs: Int32Array.from(docs), weights: Uint8Array.from(weights) });
  const r = core.intersect([list([1, 3, 5, 7], [9, 9, 9, 9]), list([3, 4, 7], [2, 2, 12])]);
  assert.deepEqual([Array.from(r.docs), Array.from(r.weights)], [[3, 7], [2, 9]]);
});

test("verification drops an article whose bigrams occur only in different paragraphs", () => {
  const clauses = core.parse("大跃进", { pinyin: {} }).clauses;
  const split = { id: "x", t: "", h: "", d: "1959-01-01", p: 1, s: [["title", "", ""], ["p1", "大跃", ""], ["p2", "跃进", ""]] };
  assert.equal(core.hit(0, split, clauses), null);
  const whole = { id: "y", t: "", h: "", d: "1959-01-01", p: 1, s: [["title", "", ""], ["p1", "无关", ""], ["p2", "开展大跃进运动", "the Great Leap"]] };
  const h = core.hit(1, whole, clauses);
  assert.equal(h.anchor, "p2");
  assert.equal(h.excerpts[0].lang, "zh-Hans");
  const x = h.excerpts[0].part;
  assert.deepEqual(x.marks.map((m) => x.text.slice(m[0], m[1])), ["大跃进"]);
});

test("English hits mark every inflected form in the excerpt", () => {
  const clauses = core.parse("furnace", { pinyin: {} }).clauses;
  const doc = { id: "z", t: "", h: "", d: "1959-01-01", p: 1, s: [["title", "", "Blast Furnaces"], ["p1", "", "One furnace, two furnaces."]] };
  const h = core.hit(0, doc, clauses);
  assert.equal(h.anchor, "p1", "a body paragraph goes before a headline matching as much");
  const x = h.excerpts[0].part;
  assert.deepEqual(x.marks.map((m) => x.text.slice(m[0], m[1])), ["furnace", "furnaces"]);
});

test("an engine ranks by weight and idf, ties by article number, and filters by year", async () => {
  const files = {
    meta: { docs: 4, shards: 1, years: [[1958, 0, 2], [1959, 2, 4]], pinyin: {} },
    "s/0": { "steel": "ABAKAKAK" }
  };
  const engine = core.createEngine((name) => files[name] ? Promise.resolve(files[name]) : Promise.reject(new Error(name)));
  // steel: docs 0 (weight 1), 1 (weight 10), 2 (10), 3 (10)
  const doc = (n) => ({ id: "d" + n, t: "steel", h: "", d: "1959-01-01", p: 1, s: [["title", "", "steel"]] });
  for (let n = 0; n < 4; n++) files[core.docFile(n)] = doc(n);
  const all = await engine.search({ q: "steel" });
  assert.deepEqual(all.order(), [1, 2, 3, 0]);
  const y = await engine.search({ q: "steel", year: "1958" });
  assert.deepEqual(y.order(), [1, 0]);
  assert.equal(y.count(), 2);
  const hits = await y.next(10);
  assert.deepEqual(hits.map((h) => h.id), ["d1", "d0"]);
});

test("articles numbered apart from the reading order: ties, hits without words and years follow the reading order", async () => {
  // Reading order 2, 0, 3, 1: each number's difference from the one before, less one, zigzagged (2 → E, −3 → F).
  const meta = { docs: 4, shards: 1, order: "EFEF", years: [[1958, 0, 2], [1959, 2, 4]], pinyin: {} };
  assert.deepEqual(Array.from(core.readingOrder({ ...meta }).order), [2, 0, 3, 1]);
  assert.deepEqual(Array.from(core.readingOrder({ ...meta }).rank), [1, 3, 0, 2]);
  const files = { meta, "s/0": { steel: encode([0, 1, 2, 3], [10, 10, 10, 10]), "place:x": encode([0, 1, 3], [1, 1, 1]) } };
  for (let n = 0; n < 4; n++) files[core.docFile(n)] = { id: "d" + n, t: "steel", h: "", d: "1959-01-01", p: 1, s: [["title", "", "steel"]] };
  const engine = core.createEngine((name) => files[name] ? Promise.resolve(files[name]) : Promise.reject(new Error(name)));
  assert.deepEqual((await engine.search({ q: "steel" })).order(), [2, 0, 3, 1], "a tie goes to the earlier article");
  assert.deepEqual((await engine.search({ q: "steel", year: "1959" })).order(), [3, 1], "a year is a range of the reading order");
  assert.deepEqual((await engine.search({ place: "x" })).order(), [0, 3, 1], "without words, in reading order");
});

/** The postings string of the index (SearchIndexBuilder): per doc, the gap − 1 as base64 VLQ, then the weight digit. */
function encode(docs, weights) {
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "", prev = -1;
  docs.forEach((d, k) => {
    let gap = d - prev - 1;
    prev = d;
    do {
      const digit = gap & 31;
      gap = Math.floor(gap / 32);
      out += B64[digit | (gap > 0 ? 32 : 0)];
    } while (gap > 0);
    out += B64[weights[k]];
  });
  return out;
}

/** The ranking by a full sort: score descending, ties to the earlier article. */
function fullSort(score) {
  return Array.from(score.keys()).sort((a, b) => (score[b] - score[a]) || (a - b));
}

/** Scores from a few values only, so that most candidates tie with others. */
function tiedScores(n, seed) {
  const score = new Float64Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    score[i] = (x >>> 16) % 5 * 0.75;
  }
  return score;
}

test("top-k selection in batches gives the order of a full sort, ties by article", () => {
  const score = tiedScores(1000, 7);
  const expected = fullSort(score);
  for (const k of [1, 10, 37, 1000, 5000]) {
    const got = [];
    let after = -1;
    while (got.length < score.length) {
      const batch = core.topK(score, k, after);
      assert.ok(batch.length > 0, "a batch while candidates remain");
      got.push(...batch);
      after = batch[batch.length - 1];
    }
    assert.deepEqual(got, expected, "k = " + k);
  }
  assert.equal(core.topK(score, 0, -1).length, 0);
});

test("a ranking pages through candidates in the full sort's order", () => {
  const score = tiedScores(300, 11);
  const docs = Int32Array.from(score, (_, i) => 2 * i + 5);
  const ranked = core.ranking(docs, score);
  assert.deepEqual(ranked.rest(), fullSort(score).map((i) => docs[i]));
  const pages = [];
  for (const n of [10, 10, 25, 1, 100, 1000]) pages.push(...ranked.take(n));
  assert.deepEqual(pages, fullSort(score).map((i) => docs[i]));
  assert.equal(ranked.remaining(), 0);
});

test("the engine's pages follow BM25 then date, like a full sort of every hit", async () => {
  // 60 articles with "steel" at three weights, 40 also with "iron": many ties in score.
  const steel = [], steelW = [], iron = [], ironW = [];
  for (let d = 0; d < 60; d++) {
    steel.push(d);
    steelW.push([5, 20, 40][d % 3]);
    if (d % 3 !== 1) { iron.push(d); ironW.push(d % 2 ? 9 : 30); }
  }
  const files = { meta: { docs: 60, shards: 1, years: [], pinyin: {} }, "s/0": { steel: encode(steel, steelW), iron: encode(iron, ironW) } };
  for (let d = 0; d < 60; d++) files[core.docFile(d)] = { id: "a" + d, t: "steel iron", h: "", d: "1959-01-01", p: 1, s: [["title", "", "steel iron"]] };
  const engine = core.createEngine((name) => files[name] ? Promise.resolve(files[name]) : Promise.reject(new Error(name)));
  const idf = (df) => Math.log(1 + (60 - df + 0.5) / (df + 0.5));
  const score = new Float64Array(60);
  iron.forEach((d, k) => { score[d] = idf(steel.length) * steelW[d] + idf(iron.length) * ironW[k]; });
  const expected = fullSort(score).filter((d) => iron.includes(d)).map((d) => "a" + d);

  const set = await engine.search({ q: "steel iron" });
  assert.equal(set.count(), iron.length);
  const shown = [];
  for (let page = 0; page < 5; page++) shown.push(...(await set.next(10)).map((h) => h.id));
  assert.deepEqual(shown, expected);
  assert.ok(set.exact);
});

test("words between double quotes are a phrase; one quoted word is a word; an open quote runs to the end", () => {
  const kinds = (q) => core.parse(q, { pinyin: {} }).clauses.map((c) => [c.kind, c.text, c.terms, c.verify]);
  assert.deepEqual(kinds('"pig iron" production'), [["phrase", "pig iron", ["pig", "iron"], true], ["word", "production", ["production"], false]]);
  assert.deepEqual(kinds("“red flags”"), [["phrase", "red flags", ["red", "flag"], true]]);
  assert.deepEqual(kinds('"steel"'), [["word", "steel", ["steel"], false]]);
  assert.deepEqual(kinds('steel "blast furnaces'), [["word", "steel", ["steel"], false], ["phrase", "blast furnaces", ["blast", "furnac"], true]]);
  assert.deepEqual(kinds('"钢铁 steel works"'), [["han", "钢铁", ["钢铁"], false], ["phrase", "steel works", ["steel", "work"], true]]);
});

test("a phrase matches its words in order and adjacent, with inflections, within one paragraph", () => {
  const phrase = core.parse('"pig iron"', { pinyin: {} }).clauses[0];
  const marked = (text) => core.matches(phrase, text).map((m) => text.slice(m[0], m[1]));
  assert.deepEqual(marked("Pig iron, pig-iron and PIGS IRONS."), ["Pig iron", "pig-iron", "PIGS IRONS"]);
  assert.deepEqual(marked("iron pig; pig and iron; pig 铁 iron"), []);
  assert.deepEqual(marked("the first paragraph ends with pig\nIron begins the second"), []);
  const doc = { id: "x", t: "", h: "", d: "1959-01-01", p: 1, s: [["title", "", "Pig farms"], ["p1", "", "Iron ore and pig farms."], ["p2", "", "More pig iron."]] };
  const h = core.hit(0, doc, [phrase]);
  assert.equal(h.anchor, "p2");
  assert.equal(core.hit(0, { ...doc, s: doc.s.slice(0, 2) }, [phrase]), null);
});
