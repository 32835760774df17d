#!/usr/bin/env python3
"""Builds a Hugo site equivalent to the archive's from a synthetic benchmark corpus (bench/hugo-compare.sh).

    python3 bench/hugo_site.py CORPUS HUGO_SITE [--paginate N]

CORPUS holds seeds/*.txt and data/{places,industries,glossary}.yaml. Writes HUGO_SITE/config.toml,
HUGO_SITE/layouts/ (always, they are small) and HUGO_SITE/content/ (only when HUGO_SITE/.converted is
missing or names another corpus): one page per article, content/articles/<id>.md, with the taxonomies
dates (the day), places, industries and terms, and an _index.md per place, industry and term giving
its name. Needs PyYAML (Debian's python3-yaml).

Detection is a simple stand-in for the generator's (README "Editorial data"): places by their Chinese
forms (minus `not_within` words; `confirm: english` places only when the English names them too) or
English names as whole words; industries by the threshold rule (signals >= threshold in the body of
one language, or >= 1 in a headline and >= 1 in a body); terms by any Chinese form or slogan part.
"""
import html
import json
import os
import re
import shutil
import sys
from itertools import zip_longest

import yaml  # Debian's python3-yaml; bench/hugo-compare.sh installs it

def load_yaml(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.safe_load(f) or []


# ---------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------

HEADER = re.compile(r"^(Title|Author|Date|Page):[ \t]*(.*?)\s*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PAGE_ZH = re.compile(r"^第(\d+)版")
INDENT = re.compile(r"^(?:    |  |\u3000\u3000)")


def parse_seed(path):
    with open(path, encoding="utf-8-sig") as f:
        lines = [l.rstrip() for l in f.read().replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    hdr = {}
    en_lines, zh_lines = [], None
    orig = next((i for i, l in enumerate(lines) if l == "Original:"), None)
    en_part = lines if orig is None else lines[:orig]
    for l in en_part:
        if l == "<hr />":
            break
        m = HEADER.match(l)
        if m and m.group(1) not in hdr and not en_lines:
            hdr[m.group(1)] = m.group(2)
        else:
            en_lines.append(l)
    en_paras, cur = [], []
    for l in en_lines + [""]:
        if l.strip():
            cur.append(l.strip())
        elif cur:
            en_paras.append(" ".join(cur))
            cur = []
    zh_head, zh_date, zh_page, zh_paras = "", "", "", []
    if orig is not None:
        zh_lines = lines[orig + 1:]
        body_started = False
        for l in zh_lines:
            if not l.strip():
                continue
            if not body_started and l.startswith("### "):
                zh_head = l[4:].strip()
            elif not body_started and DATE.match(l.strip()):
                zh_date = l.strip()
            elif not body_started and PAGE_ZH.match(l.strip()):
                zh_page = PAGE_ZH.match(l.strip()).group(1)
            elif not body_started and l.startswith("专栏："):
                pass
            elif INDENT.match(l) or body_started:
                body_started = True
                zh_paras.append(l.strip(" \u3000"))
        decks = [d.strip() for d in zh_head.split("  ") if d.strip()]
        k = 0
        while k < len(decks) and k < len(zh_paras) and zh_paras[k] == decks[k]:
            k += 1
        zh_paras = zh_paras[k:]
    name = os.path.basename(path)
    ident = name[:-4].split("_", 1)[1]
    date = hdr.get("Date") or zh_date
    page = hdr.get("Page") or zh_page or "0"
    title = hdr.get("Title") or zh_head.replace("  ", " ")
    return {
        "id": ident, "title": title, "author": hdr.get("Author", ""), "date": date,
        "page": int(page) if page.isdigit() else 0, "zh_head": zh_head,
        "en": en_paras, "zh": zh_paras,
    }


# ---------------------------------------------------------------------------------------------
# Detection
# ---------------------------------------------------------------------------------------------


def _alternation(forms, flags=0, words=False, zh_parts=False):
    forms = sorted({f for f in forms if f}, key=len, reverse=True)
    if not forms:
        return None
    pats = []
    for f in forms:
        p = re.escape(f)
        if zh_parts:
            p = p.replace("\u3000", "[\u3000、，, ]?")
        elif words:
            p = re.sub(r"(?:\\ |\\-|-| )", "[- ]", p)
        pats.append(p)
    body = "|".join(pats)
    return re.compile(r"(?<!\w)(?:%s)(?!\w)" % body if words else "(?:%s)" % body, flags)


def _list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


class Detector:
    def __init__(self, data_dir):
        places = load_yaml(os.path.join(data_dir, "places.yaml")) or []
        industries = load_yaml(os.path.join(data_dir, "industries.yaml")) or []
        glossary = load_yaml(os.path.join(data_dir, "glossary.yaml")) or []
        self.places, self.industries, self.terms = places, industries, glossary
        # places
        self.pl_zh, self.pl_en = {}, {}
        for p in places:
            for f in [p.get("zh")] + _list(p.get("short")):
                if f:
                    self.pl_zh.setdefault(str(f), []).append(p)
            for f in [p.get("name")] + _list(p.get("en_forms")):
                if f:
                    self.pl_en.setdefault(str(f).lower(), []).append(p)
        self.pl_zh_re = _alternation(self.pl_zh)
        self.pl_en_re = _alternation(self.pl_en, re.I, words=True)
        # industries
        self.ind = []
        for ind in industries:
            sig = ind.get("signals") or {}
            self.ind.append((ind["slug"], int(ind.get("threshold") or 3),
                             _alternation([str(s) for s in _list(sig.get("zh"))]),
                             _alternation([str(s) for s in _list(sig.get("en"))], re.I, words=True)))
        # glossary
        self.gl = {}
        for g in glossary:
            forms = [str(f) for f in _list(g.get("zh"))]
            forms += [str(pt.get("zh")) for pt in _list(g.get("parts")) if isinstance(pt, dict) and pt.get("zh")]
            for f in forms:
                if len(f) >= 2:
                    self.gl.setdefault(f, g["slug"])
        self.gl_re = _alternation(self.gl, zh_parts=True)
        self.gl_norm = {re.sub("[\u3000、，, ]", "", f): s for f, s in self.gl.items()}

    def places_of(self, en_text, zh_text):
        en_found = set()
        if self.pl_en_re:
            for m in set(self.pl_en_re.findall(en_text)):
                for p in self.pl_en.get(re.sub(r"[- ]", " ", m.lower()), self.pl_en.get(m.lower(), [])):
                    en_found.add(p["slug"])
        found = set(en_found)
        if self.pl_zh_re:
            for form in set(self.pl_zh_re.findall(zh_text)):
                for p in self.pl_zh[form]:
                    if p["slug"] in found:
                        continue
                    if p.get("confirm") == "english" and p["slug"] not in en_found:
                        continue
                    nw = _list(p.get("not_within"))
                    if nw:
                        t = zh_text
                        for w in nw:
                            t = t.replace(str(w), "\u25a1")
                        if form not in t:
                            continue
                    found.add(p["slug"])
        return sorted(found)

    def industries_of(self, en_title, en_body, zh_head, zh_body):
        out = []
        for slug, thr, zre, ere in self.ind:
            zb = len(zre.findall(zh_body)) if zre else 0
            eb = len(ere.findall(en_body)) if ere else 0
            head = (zre and zre.search(zh_head)) or (ere and ere.search(en_title))
            if zb >= thr or eb >= thr or (head and (zb or eb)):
                out.append(slug)
        return out

    def terms_of(self, zh_text):
        if not self.gl_re:
            return []
        found = set()
        for m in set(self.gl_re.findall(zh_text)):
            s = self.gl.get(m) or self.gl_norm.get(re.sub("[\u3000、，, ]", "", m))
            if s:
                found.add(s)
        return sorted(found)


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def q(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def esc(s):
    return html.escape(s, quote=False)


def article_md(a, det):
    en_body, zh_body = "\n".join(a["en"]), "\n".join(a["zh"])
    fm = [
        "---",
        "title: " + q(a["title"]),
        "zh_title: " + q(a["zh_head"]),
        "author: " + q(a["author"]),
        "date: " + a["date"],
        "page: %d" % a["page"],
        "dates: [" + q(a["date"]) + "]",
        "places: " + q(det.places_of(a["title"] + "\n" + en_body, a["zh_head"] + "\n" + zh_body)),
        "industries: " + q(det.industries_of(a["title"], en_body, a["zh_head"], zh_body)),
        "terms: " + q(det.terms_of(a["zh_head"] + "\n" + zh_body)),
        "---",
        "",
        '<div class="rows">',
    ]
    for n, (en, zh) in enumerate(zip_longest(a["en"], a["zh"]), 1):
        fm.append('<div class="row" id="p%d"><p lang="en">%s</p><p lang="zh">%s</p></div>'
                  % (n, esc(en or ""), esc(zh or "")))
    fm.append("</div>")
    fm.append("")
    return "\n".join(fm)


CONFIG = """baseURL = "/"
languageCode = "en"
title = "People's Daily 1958–1960: a bilingual archive (Hugo comparison)"
paginate = %(paginate)d
rssLimit = 50  # the feed holds the latest 50 articles, as the generator's feed.xml
disableKinds = ["sitemap", "robotsTXT"]
enableRobotsTXT = false
relativeURLs = true
[taxonomies]
  date = "dates"
  place = "places"
  industry = "industries"
  term = "terms"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]
[markup.goldmark.renderer]
  unsafe = true
"""

LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
<style>body{font:16px/1.5 serif;max-width:70em;margin:auto;padding:0 1em}.row{display:grid;grid-template-columns:1fr 1fr;gap:2em}.tax a{margin-right:.5em}</style>
</head><body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> ·
{{ range $name, $t := .Site.Taxonomies }}<a href="{{ printf "/%s/" $name | relURL }}">{{ $name }}</a> {{ end }}</header>
<main>{{ block "main" . }}{{ end }}</main>
</body></html>
""",
    "_default/single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ with .Params.zh_title }}<h1 lang="zh">{{ . }}</h1>{{ end }}
<p>{{ .Date.Format "2 January 2006" }}, page {{ .Params.page }}{{ with .Params.author }}, {{ . }}{{ end }}</p>
{{ range $tax := slice "dates" "places" "industries" "terms" }}{{ with $.GetTerms $tax }}<p class="tax">{{ $tax }}: {{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>{{ end }}{{ end }}
{{ .Content }}
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>
</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = where .Site.RegularPages "Section" "articles" }}{{ end }}
{{ $pag := .Paginate $pages.ByDate }}
<ul>{{ range $pag.Pages }}<li>{{ .Date.Format "2006-01-02" }} <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pag := .Paginate .Pages.ByDate }}
<ul>{{ range $pag.Pages }}<li>{{ .Date.Format "2006-01-02" }} <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>Not found</h1><p><a href="{{ "/" | relURL }}">Home</a></p>{{ end }}
""",
}


def write_layouts(site, paginate):
    with open(os.path.join(site, "config.toml"), "w", encoding="utf-8") as f:
        f.write(CONFIG % {"paginate": paginate})
    for rel, text in LAYOUTS.items():
        p = os.path.join(site, "layouts", rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)


def write_index(path, title, body=""):
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "_index.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: %s\n---\n%s" % (q(title), body))


def convert(corpus, site):
    seeds_dir, data_dir = os.path.join(corpus, "seeds"), os.path.join(corpus, "data")
    det = Detector(data_dir)
    content = os.path.join(site, "content")
    tmp = content + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    art = os.path.join(tmp, "articles")
    os.makedirs(art)
    write_index(tmp, "People's Daily 1958–1960")
    write_index(art, "Articles")
    for tax, title in (("dates", "Dates"), ("places", "Places"), ("industries", "Industries"), ("terms", "Glossary")):
        write_index(os.path.join(tmp, tax), title)
    for p in det.places:
        write_index(os.path.join(tmp, "places", p["slug"]), "%s %s" % (p.get("name", ""), p.get("zh", "")),
                    esc(str(p.get("note") or "")) + "\n")
    for i in det.industries:
        write_index(os.path.join(tmp, "industries", i["slug"]), "%s %s" % (i.get("name", ""), i.get("zh", "")))
    for g in det.terms:
        zh = _list(g.get("zh"))
        write_index(os.path.join(tmp, "terms", g["slug"]), "%s %s" % (zh[0] if zh else "", g.get("gloss", "")),
                    str(g.get("explanation") or "") + "\n")
    names = sorted(n for n in os.listdir(seeds_dir) if n.endswith(".txt"))
    total = 0
    for k, n in enumerate(names, 1):
        a = parse_seed(os.path.join(seeds_dir, n))
        text = article_md(a, det)
        total += len(text.encode("utf-8"))
        with open(os.path.join(art, a["id"] + ".md"), "w", encoding="utf-8") as f:
            f.write(text)
        if k % 5000 == 0:
            print("  converted %d of %d articles" % (k, len(names)), file=sys.stderr)
    shutil.rmtree(content, ignore_errors=True)
    os.rename(tmp, content)
    print("  %d articles, %.1f MB of Markdown" % (len(names), total / 1e6), file=sys.stderr)
    return len(names)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    paginate = 200
    if "--paginate" in argv:
        paginate = int(argv[argv.index("--paginate") + 1])
        args.remove(str(paginate))
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    corpus, site = (os.path.abspath(a) for a in args)
    os.makedirs(site, exist_ok=True)
    write_layouts(site, paginate)
    marker = os.path.join(site, ".converted")
    want = corpus + "\n"
    if os.path.exists(marker) and open(marker, encoding="utf-8").read() == want and os.path.isdir(os.path.join(site, "content", "articles")):
        print("Hugo content already converted in %s (delete it to convert again)" % site, file=sys.stderr)
        return 0
    if os.path.exists(marker):
        os.remove(marker)
    print("Converting %s into Hugo content in %s (not timed)..." % (corpus, site), file=sys.stderr)
    convert(corpus, site)
    with open(marker, "w", encoding="utf-8") as f:
        f.write(want)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
