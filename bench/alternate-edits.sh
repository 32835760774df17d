#!/usr/bin/env bash
# Times builds on the bench corpus through the launcher, each an edit: the author line of one
# article is changed and changed back in turn, and each build prints its `stats:` wall and CPU time
# and the pages it rendered (an edit renders its article's page; 0 would mean nothing was edited).
#
#   ./archive bench --articles 10000 --saves 0     # once: makes target/bench/corpus-10000-1958 and its site
#   bash bench/alternate-edits.sh 6                # six edit builds of this generator, as an editor runs them
#   bash bench/alternate-edits.sh 8 /tmp/old/archive.jar target/archive.jar
#                                                  # two builds of the generator (each jar with its lib/ beside
#                                                  # it) alternated, each on its own copy of the site and caches
#                                                  # and with its own class-data archive beside the jar
#
#   OPTS='-Xmn96m|-Xmn180m' bash bench/alternate-edits.sh 8
#                                                  # this generator with the launcher's JVM options, then with each
#                                                  # variant (separated by |) added after them, alternated, each on
#                                                  # its own copy of the site and caches
#
# ARTICLES (default 10000) picks the corpus; the edited article is the one in the middle, as in the bench.
# EDIT=paragraph edits the text instead of the author line (EDIT=line with a term's rendering: one more concordance line), EDIT=date moves the article a day (see below),
# EDIT=explanation edits the first glossary entry's explanation in data/glossary.yaml instead of a seed,
# EDIT=note the first place's note in data/places.yaml, EDIT=coords its coordinates, EDIT=entry adds a glossary entry,
# EDIT=rendering an English rendering to one, EDIT=new adds a seed (a copy of the edited article under a new id),
# EDIT=template changes a line of base.peb in a copy of the templates (every page rendered and replaced).
# ROOT (default target/bench) is where the copies of the site go: ROOT=/dev/shm builds to memory.
# CLEAN=1 times clean builds instead: each moves its site aside first (deleted at exit, bench/trash.sh) and keeps the caches.
# NOTHING=1 times builds with nothing changed: no edit between them.
# OWN_TEMPLATES=1 gives each named jar the templates of its own checkout (<checkout>/target/archive.jar):
# needed when a generator's templates ask for what another does not give them.
# Each round runs the builds in turn, starting with a different one: the build run first in a round
# was often the faster by a tenth of a second or two, whichever it was (docs/benchmarks.md, tenth session).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:?usage: alternate-edits.sh ROUNDS [JAR ...]}
shift
n=${ARTICLES:-10000}
root=${ROOT:-target/bench}
corpus=target/bench/corpus-$n-1958
site=target/bench/site-$n
[ -d "$corpus/seeds" ] && [ -d "$site" ] || { echo "no bench corpus or site: run ./archive bench --articles $n --saves 0 first" >&2; exit 2; }
seed=$(ls "$corpus/seeds/$(printf '%06d' $((n / 2)))"_*.txt)
# The edit appends a byline's words to the author line (EDIT=paragraph: puts a sentence before the first
# paragraph, an editor's correction of the text); taking it off restores the seed, and doing so first
# undoes a run stopped before its trap (from such a seed every build would have nothing to do).
case "${EDIT:-author}" in
  author)
    # (A byline as an editor writes one, as the bench's own edit: citations fill it into their shape. The
    # marker was "(an alternating edit)" until the twenty-fourth session; citations format that whole.)
    edited() { grep -q '^Author:.* An alternating edit$' "$seed"; }
    edit() { sed -i '/^Author:/s/$/ An alternating edit/' "$seed"; }
    unedit() { sed -i '/^Author:/s/ An alternating edit$//' "$seed"; } ;;
  paragraph)
    edited() { grep -q '^An alternating correction\. ' "$seed"; }
    edit() { perl -0pi -e 's/\n\n/\n\nAn alternating correction. /' "$seed"; }
    unedit() { perl -0pi -e 's/\n\nAn alternating correction\. /\n\n/' "$seed"; } ;;
  line)
    # A sentence holding a rendering of `workers-and-staff` (the entry with the longest concordance) put
    # before the first paragraph: the entry has one more line, which its first page counts and which moves
    # every line after it.
    edited() { grep -q '^Again the staff and workers met\. ' "$seed"; }
    edit() { perl -0pi -e 's/\n\n/\n\nAgain the staff and workers met. /' "$seed"; }
    unedit() { perl -0pi -e 's/\n\nAgain the staff and workers met\. /\n\n/' "$seed"; } ;;
  date)
    # The article moved a day later (its date in both halves): it changes its place in the reading order.
    # (Its date as the seed has it when the script starts: the trap below puts it back at exit.)
    was=$(sed -n 's/^Date: //p' "$seed" | head -n 1)
    moved=$(date -d "$was +1 day" +%F)
    edited() { grep -q "^Date: $moved\$" "$seed"; }
    edit() { sed -i "s/^Date: $was\$/Date: $moved/; s/^$was\$/$moved/" "$seed"; }
    unedit() { sed -i "s/^Date: $moved\$/Date: $was/; s/^$moved\$/$was/" "$seed"; } ;;
  explanation)
    # The data, not a seed: a word put before the first glossary entry's explanation, which that entry's
    # first page alone shows (every other page is checked, as after any change of the data).
    glossary="$corpus/data/glossary.yaml"
    edited() { grep -q '^    An alternating correction\. ' "$glossary"; }
    edit() { perl -0pi -e 's/(\n  explanation: \|\n    )/$1An alternating correction. /' "$glossary"; }
    unedit() { perl -0pi -e 's/\n    An alternating correction\. /\n    /' "$glossary"; } ;;
  note)
    # The data: a word put before the first place's note, which that place's pages alone show.
    places="$corpus/data/places.yaml"
    edited() { grep -q '^  note: "An alternating correction\. ' "$places"; }
    edit() { perl -0pi -e 's/\n  note: "/\n  note: "An alternating correction. /' "$places"; }
    unedit() { perl -0pi -e 's/\n  note: "An alternating correction\. /\n  note: "/' "$places"; } ;;
  coords)
    # The data: the first place's coordinates moved a hundredth of a degree north, which its pages and the downloads show.
    places="$corpus/data/places.yaml"
    edited() { grep -q '^  coords: \[[0-9.-]*1, ' "$places" && [ -f "$places.alternating" ]; }
    edit() { cp "$places" "$places.alternating"; perl -0pi -e 's/\n  coords: \[([0-9.-]+)0, /\n  coords: [${1}1, /' "$places"; }
    unedit() { if [ -f "$places.alternating" ]; then mv "$places.alternating" "$places"; fi; } ;;
  entry)
    # The data: a new glossary entry, whose form 水利 (water conservancy) about one article in 180 holds: those
    # are annotated and rendered again, and every other page is checked.
    glossary="$corpus/data/glossary.yaml"
    edited() { grep -q '^- slug: alternating-entry$' "$glossary"; }
    edit() { printf '\n- slug: alternating-entry\n  kind: term\n  zh: [水利]\n  pinyin: shuǐlì\n  en: [water conservancy]\n  gloss: water conservancy\n  explanation: |\n    An alternating entry.\n' >> "$glossary"; }
    unedit() { perl -0pi -e 's/\n- slug: alternating-entry\n.*\z//s' "$glossary"; } ;;
  rendering)
    # The data: "employees" added to the English renderings of `workers-and-staff`, as the editors' warnings
    # ask (about one article in seven holds the word: those are annotated again, every other page checked).
    glossary="$corpus/data/glossary.yaml"
    edited() { grep -q '^  en: \[workers and staff, staff and workers, employees\]$' "$glossary"; }
    edit() { sed -i 's/^  en: \[workers and staff, staff and workers\]$/  en: [workers and staff, staff and workers, employees]/' "$glossary"; }
    unedit() { sed -i 's/^  en: \[workers and staff, staff and workers, employees\]$/  en: [workers and staff, staff and workers]/' "$glossary"; } ;;
  template)
    # A template's edit that changes every page: words added to base.peb's footer, in a copy of this
    # checkout's templates ($root/templates-ab), which every jar then reads: each build renders every page
    # again and replaces every published one.
    tpl="$root/templates-ab"
    rm -rf "$tpl" && mkdir -p "$root" && cp -r templates "$tpl"
    edited() { grep -q ' (an alternating edit) · ' "$tpl/base.peb"; }
    edit() { sed -i 's|<p>{{ site.titleEn }} · |<p>{{ site.titleEn }} (an alternating edit) · |' "$tpl/base.peb"; }
    unedit() { sed -i 's| (an alternating edit) · | · |' "$tpl/base.peb"; } ;;
  new)
    # A new seed: the middle article copied under a new name and id, its title marked; taken away again.
    added="$corpus/seeds/$(printf '%06d' $((n * 10)))_ed17000000000001.txt"
    edited() { [ -f "$added" ]; }
    edit() { sed 's/^Title: /Title: Added: /' "$seed" > "$added"; }
    unedit() { rm -f "$added"; } ;;
  *) echo "EDIT is author, paragraph, line, date, explanation, note, coords, entry, rendering, template or new" >&2; exit 2 ;;
esac
unedit
source bench/trash.sh
trap 'unedit; trash_empty' EXIT
args=(build --stats --permalinks none --seeds "$corpus/seeds" --data "$corpus/data" --pages "$corpus/pages")
# No jar named: this generator, as the launcher builds it.
jars=("$@")
[ ${#jars[@]} -eq 0 ] && jars=("")
# JVM options added after the launcher's for each build (ARCHIVE_EXTRA_JAVA_OPTS): none, or with
# OPTS one generator under each variant in turn (a later option overrides an earlier one).
extra=()
for _ in "${jars[@]}"; do extra+=(""); done
if [ -n "${OPTS:-}" ]; then
  [ ${#jars[@]} -eq 1 ] || { echo "OPTS compares JVM options of one generator: name no jar, or one" >&2; exit 2; }
  IFS='|' read -r -a variants <<< "$OPTS"
  for v in "${variants[@]}"; do jars+=("${jars[0]}"); extra+=("$v"); done
fi
mkdir -p "$root"
for k in "${!jars[@]}"; do
  trash "$root/site-ab$k" "$root/.site-ab$k.cache"
  cp -a "$site" "$root/site-ab$k"
  cp -a "target/bench/.site-$n.cache" "$root/.site-ab$k.cache"
done
# The templates each build reads: this checkout's, or with OWN_TEMPLATES=1 those of the checkout each
# named jar was built in (<checkout>/target/archive.jar), when the generators differ in what their
# templates may ask of them.
templates_of() {
  if [ "${EDIT:-}" = template ]; then echo "$tpl"; return; fi
  if [ "${OWN_TEMPLATES:-0}" = 1 ] && [ -n "$1" ]; then echo "$(dirname "$(dirname "$1")")/templates"; else echo templates; fi
}
build() { # index of the jar: one build through the launcher, printing its label and its stats line's wall and CPU
  local k=$1
  if [ "${CLEAN:-0}" = 1 ]; then trash "$root/site-ab$k"; wait_for_quiet "$root"; fi
  echo "round $i ${jars[$k]:-./archive}${extra[$k]:+ with ${extra[$k]}} $(ARCHIVE_JAR="${jars[$k]}" ARCHIVE_EXTRA_JAVA_OPTS="${extra[$k]}" \
    ./archive "${args[@]}" --templates "$(templates_of "${jars[$k]}")" --out "$root/site-ab$k" 2>&1 \
    | grep '^stats:' | tr ' ' '\n' | grep -E '^(wall|cpu|rendered)=' | tr '\n' ' ')"
}
# A first build for each jar makes its copy of the site its own (a new generator renders every page)
# and, after the jar changed, records the classes it loads, which its timed builds then map in.
for k in "${!jars[@]}"; do
  i=0
  build "$k" >/dev/null
done
# Then an edit and its undoing, each built by every jar: a copied cache may hold no postings for this
# generator (the setup build above keeps the index it finds as is), and the first edit would then
# tokenize every article again, 3 s more (the "first-round outliers" of the twenty-fifth session).
if [ "${CLEAN:-0}" != 1 ] && [ "${NOTHING:-0}" != 1 ]; then
  for _ in 1 2; do
    if edited; then unedit; else edit; fi
    for k in "${!jars[@]}"; do i=0; build "$k" >/dev/null; done
  done
fi
for ((i = 1; i <= rounds; i++)); do
  if [ "${CLEAN:-0}" != 1 ] && [ "${NOTHING:-0}" != 1 ]; then
    if edited; then unedit; else edit; fi
  fi
  for ((j = 0; j < ${#jars[@]}; j++)); do build $(( (i + j) % ${#jars[@]} )); done
done
