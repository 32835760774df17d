// Test helper: loads the search index files of a built site from disk, as the browser loads them
// with script tags: each file must be exactly ArchiveSearch.add("<name>", <JSON>);
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const FILE = /^ArchiveSearch\.add\(("(?:[^"\\]|\\.)*"),([\s\S]*)\);\n$/;

function parseIndexFile(text, expectedName) {
  const m = FILE.exec(text);
  if (!m) throw new Error("not an index file: " + text.slice(0, 80));
  const name = JSON.parse(m[1]);
  if (name !== expectedName) throw new Error("file registers " + name + ", expected " + expectedName);
  return JSON.parse(m[2]);
}

/** A loader over site/search/data/ that also counts the bytes it read. */
function diskLoader(dataDir) {
  const stats = { files: 0, bytes: 0 };
  const cache = new Map();
  const load = (name) => {
    if (!cache.has(name)) {
      cache.set(name, new Promise((resolve, reject) => {
        fs.readFile(path.join(dataDir, name + ".js"), "utf8", (err, text) => {
          if (err) { reject(err); return; }
          stats.files++;
          stats.bytes += Buffer.byteLength(text);
          try { resolve(parseIndexFile(text, name)); } catch (e) { reject(e); }
        });
      }));
    }
    return cache.get(name);
  };
  return { load, stats };
}

module.exports = { diskLoader, parseIndexFile };
