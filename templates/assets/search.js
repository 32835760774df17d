// Archive search page: reads the query from the URL, loads the index files it needs as scripts
// (which also works from file://), and shows the results. No inline script, no eval, no innerHTML.
(function () {
  "use strict";
  var PAGE = 10;
  var form = document.getElementById("search-form");
  var core = window.ArchiveSearchCore;
  if (!form || !core) return;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var base = form.getAttribute("data-index").replace(/meta\.js$/, "");
  var articleLink = form.getAttribute("data-article");

  // Index files call ArchiveSearch.add(name, data) when they load.
  var waiting = {}, loaded = {};
  window.ArchiveSearch = {
    add: function (name, data) {
      loaded[name] = data;
      if (waiting[name]) waiting[name].resolve(data);
    }
  };
  var promises = {};
  function load(name) {
    if (promises[name]) return promises[name];
    promises[name] = new Promise(function (resolve, reject) {
      if (loaded[name]) { resolve(loaded[name]); return; }
      waiting[name] = { resolve: resolve };
      var s = document.createElement("script");
      s.src = base + name + ".js";
      s.async = true;
      s.onload = function () {
        s.remove();
        if (!loaded[name]) reject(new Error("the index file " + name + " did not register"));
      };
      s.onerror = function () { s.remove(); reject(new Error("could not load the index file " + name)); };
      document.head.appendChild(s);
    });
    return promises[name];
  }

  var engine = core.createEngine(load);
  var params = new URLSearchParams(window.location.search);
  var fields = { q: "search-q", year: "search-year", place: "search-place", industry: "search-industry", entry: "search-entry" };
  var query = {};
  Object.keys(fields).forEach(function (k) {
    var v = params.get(k) || "";
    query[k] = v;
    var el = document.getElementById(fields[k]);
    if (el && v) el.value = v;
  });
  // A changed filter searches again at once.
  ["search-year", "search-place", "search-industry", "search-entry"].forEach(function (id) {
    var el = document.getElementById(id);
    if (el) el.addEventListener("change", function () { form.submit(); });
  });

  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (lang) e.setAttribute("lang", lang);
    return e;
  }

  function link(id, anchor) {
    return articleLink.replace("__id__", id) + "#" + anchor;
  }

  function render(hit) {
    var li = el("li", "search-hit");
    var a = el("a", "hit-link");
    a.href = link(hit.id, hit.anchor);
    if (hit.title) a.appendChild(el("span", "hit-title", hit.title, "en"));
    if (hit.headline) a.appendChild(el("span", "hit-headline", hit.headline, "zh-Hans"));
    li.appendChild(a);
    var where = hit.anchor === "title" ? "headline" : "paragraph " + hit.anchor.replace(/^(p|en)/, "");
    li.appendChild(el("p", "hit-meta", hit.date + " · page " + hit.page + " · " + where));
    hit.excerpts.forEach(function (x) {
      var p = el("p", "hit-excerpt", null, x.lang);
      var text = x.part.text, at = 0;
      if (x.part.before) p.appendChild(document.createTextNode("… "));
      x.part.marks.forEach(function (m) {
        p.appendChild(document.createTextNode(text.slice(at, m[0])));
        p.appendChild(el("mark", null, text.slice(m[0], m[1])));
        at = m[1];
      });
      p.appendChild(document.createTextNode(text.slice(at)));
      if (x.part.after) p.appendChild(document.createTextNode(" …"));
      li.appendChild(p);
    });
    return li;
  }

  function describe(set) {
    var n = set.count();
    // A query with its own quotes (a phrase) is shown as typed.
    var what = !query.q ? "the filters" : /["\u201c\u201d]/.test(query.q) ? query.q : "“" + query.q + "”";
    if (set.query.pinyin) what = set.query.pinyin.to + " (" + set.query.pinyin.from + ")";
    if (!n) return "No articles found for " + what + ". · 没有找到文章。";
    var count = set.exact ? String(n) : "up to " + n;
    return count + (n === 1 ? " article" : " articles") + " for " + what + " · 找到" + (set.exact ? "" : "至多") + n + "篇文章";
  }

  function showMore(set) {
    more.hidden = true;
    return set.next(PAGE).then(function (hits) {
      hits.forEach(function (h) { list.appendChild(render(h)); });
      status.textContent = describe(set);
      more.hidden = list.children.length >= set.count();
      return hits;
    });
  }

  function run() {
    var hasQuery = Object.keys(fields).some(function (k) { return query[k]; });
    if (!hasQuery) {
      status.textContent = "Type a word in English or Chinese. · 请输入英文或中文词语。";
      return;
    }
    status.textContent = "Searching… · 正在搜索…";
    if (window.performance && performance.mark) performance.mark("archive-search-start");
    engine.search(query).then(function (set) {
      more.onclick = function () { showMore(set); };
      return showMore(set);
    }).then(function () {
      if (window.performance && performance.mark) {
        performance.mark("archive-search-end");
        performance.measure("archive-search", "archive-search-start", "archive-search-end");
      }
      document.documentElement.setAttribute("data-search", "done");
    }).catch(function (e) {
      status.textContent = "Search failed: " + e.message + " · 搜索出错";
      document.documentElement.setAttribute("data-search", "failed");
    });
  }

  run();
})();
