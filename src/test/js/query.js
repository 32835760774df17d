// Runs queries through the real search client against a built site, for the Java tests:
//   node query.js <site dir>
// reads one query a line on stdin: q TAB year TAB place TAB industry TAB entry (trailing fields optional);
// writes one line per query: count TAB exact TAB ids of every result, ranked (comma-separated)
// TAB the anchors of those results TAB the marked text of the first hit's excerpts (|-separated) TAB pinyin's term.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const core = require(path.join(__dirname, "../../../templates/assets/search-core.js"));
const { diskLoader } = require("./index-loader.js");

async function run(site, params) {
  const { load } = diskLoader(path.join(site, "search", "data"));
  const set = await (await core.createEngine(load).search(params)).verifyAll();
  const hits = await set.next(1e9);
  const marked = hits.length ? hits[0].excerpts.flatMap((x) => x.part.marks.map((m) => x.part.text.slice(m[0], m[1]))) : [];
  return [set.count(), set.exact, hits.map((h) => h.id).join(","), hits.map((h) => h.anchor).join(","), marked.join("|"),
    set.query.pinyin ? set.query.pinyin.to : ""].join("\t");
}

async function main() {
  const site = process.argv[2];
  const lines = fs.readFileSync(0, "utf8").split("\n").filter((l) => l.length);
  const out = [];
  for (const line of lines) {
    const f = line.split("\t");
    out.push(await run(site, { q: f[0] || "", year: f[1] || "", place: f[2] || "", industry: f[3] || "", entry: f[4] || "" }));
  }
  process.stdout.write(out.join("\n") + "\n");
}

main().catch((e) => { console.error(e.stack || e); process.exit(1); });
