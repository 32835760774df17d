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
  assert.deepEqual(core.decode("AFA/mBB"), { docs: [0, 1, 40], weights: [5, 63, 1] });
});

test("intersection keeps common documents with their smallest weight", () => {
  const r = core.intersect([{ docs: [1, 3, 5, 7], weights: [9, 9, 9, 9] }, { docs: [3, 4, 7], weights: [2, 2, 12] }]);
  assert.deepEqual(r, { docs: [3, 7], weights: [2, 9] });
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
