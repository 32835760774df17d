#!/usr/bin/env bash
# Hugo beside the archive's generator on the same synthetic corpus, on this machine.
#
#   bash bench/hugo-compare.sh 10000            # article count; the corpus is target/bench/corpus-10000-*
#   RUNS=2 bash bench/hugo-compare.sh 10000     # timed builds per tool and target (default 1)
#
# The corpus comes from `./archive bench --articles N --full-only`. Once per corpus (not timed),
# bench/hugo_site.py turns it into an equivalent Hugo site in target/bench/hugo-N/: one bilingual
# page per article (English and Chinese paragraphs side by side) and taxonomy pages for dates,
# places, industries and terms, paginated by PAGINATE (default 200, as the generator's lists).
# Delete that folder to convert again.
#
# Timed: `hugo --quiet` clean builds (destination moved aside first, bench/trash.sh) to disk (target/bench/hugo-N-out)
# and to tmpfs ($SHM/hugo-N-out), then the generator's clean builds (`./archive build --stats`,
# output and its page manifest moved aside, caches kept after one untimed warm-up build per target) to
# disk (target/bench/ours-N-disk) and to tmpfs ($SHM/ours-N). Each is measured by /usr/bin/time
# (wall, user+sys CPU, peak RSS); files written are the files in the output folder.
#
# Environment: RUNS (1), PAGINATE (200), SHM (/dev/shm), CORPUS (a corpus folder, instead of the
# one derived from N), TARGETS ("disk tmpfs"), TOOLS ("hugo ours"), KEEP_TMPFS=1 keeps the tmpfs
# outputs (deleted after counting by default, to give the memory back).
# Memory: Hugo holds the whole site; about 12 GB at 100,000 articles.
set -euo pipefail

die() { echo "hugo-compare: $*" >&2; exit 1; }
say() { echo "== $*" >&2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

[ $# -eq 1 ] || die "usage: bash bench/hugo-compare.sh ARTICLES   (e.g. 10000; RUNS=2 for two timed runs each)"
n="$1"
[[ "$n" =~ ^[1-9][0-9]*$ ]] || die "ARTICLES must be a positive number, not '$n'"
runs="${RUNS:-1}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
paginate="${PAGINATE:-200}"
[[ "$paginate" =~ ^[1-9][0-9]*$ ]] || die "PAGINATE must be a positive number, not '$paginate'"
shm="${SHM:-/dev/shm}"
targets="${TARGETS:-disk tmpfs}"
tools="${TOOLS:-hugo ours}"
bench="$root/target/bench"
# What a run would delete first is moved aside and deleted at exit (see bench/trash.sh).
source "$root/bench/trash.sh"
trap trash_empty EXIT

# --- the corpus -------------------------------------------------------------------------------
if [ -n "${CORPUS:-}" ]; then
  corpus="$(cd "$CORPUS" 2>/dev/null && pwd)" || die "CORPUS=$CORPUS is not a folder"
else
  corpus=""
  if [ -d "$bench/corpus-$n-1958" ]; then
    corpus="$bench/corpus-$n-1958"
  else
    for c in "$bench/corpus-$n-"*; do
      if [ -d "$c/seeds" ]; then corpus="$c"; break; fi
    done
  fi
  [ -n "$corpus" ] || die "no corpus of $n articles in $bench. Generate it first with:
    ./archive bench --articles $n --full-only
(then run this script again)"
fi
for d in seeds data pages; do
  [ -d "$corpus/$d" ] || die "$corpus has no $d/ folder; generate the corpus again with ./archive bench --articles $n --full-only"
done
for f in places.yaml industries.yaml glossary.yaml; do
  [ -f "$corpus/data/$f" ] || die "$corpus/data/$f is missing"
done
seeds=$(find "$corpus/seeds" -maxdepth 1 -name '*.txt' | wc -l)
[ "$seeds" -gt 0 ] || die "$corpus/seeds holds no .txt files"
say "corpus $corpus ($seeds articles)"

# --- tools ------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install -y time)"
command -v python3 >/dev/null || die "python3 is missing"
# install PACKAGE: Debian's package, as root or through sudo.
install() {
  say "installing $1 (apt-get install -y $1)"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "$1 is missing and this user cannot install it; run as root: apt-get install -y $1"
    sudo=sudo
  fi
  $sudo apt-get install -y "$1" >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$1" >/dev/null; } \
    || die "could not install $1 with apt-get"
}
if [[ " $tools " == *" hugo "* ]]; then
  command -v hugo >/dev/null || install hugo
  python3 -c "import yaml" 2>/dev/null || install python3-yaml
  hv="$(hugo version 2>/dev/null | head -n1)"
  say "$hv"
  [[ "$hv" == *v0.111.3* ]] || echo "hugo-compare: note: the reference figures are for Hugo 0.111.3 (Debian 12); this is another version" >&2
fi

# --- helpers ----------------------------------------------------------------------------------
rows=()   # markdown table rows
notes=()  # our --stats lines
files_in() { find "$1" -type f | wc -l; }
bytes_in() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d\n", s }'; }  # file bytes, not blocks
human() { awk -v b="$1" 'BEGIN { if (b >= 1e9) printf "%.2f GB", b/1e9; else printf "%.0f MB", b/1e6 }'; }
shm_free() { df -B1 --output=avail "$shm" | tail -n1 | tr -d ' '; }

# timed LABEL TARGET DEST LOG -- COMMAND...: runs COMMAND under /usr/bin/time, adds a table row.
timed() {
  local tool="$1" target="$2" dest="$3" log="$4" run="$5"; shift 6
  local tf; tf="$(mktemp)"
  sync
  if ! /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$tf"
    die "$tool build to $target failed (log above: $log)"
  fi
  local wall user sys rss files bytes
  read -r wall user sys rss < <(tail -n1 "$tf")
  rm -f "$tf"
  files=$(files_in "$dest"); bytes=$(bytes_in "$dest")
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local gb; gb=$(awk -v k="$rss" 'BEGIN { printf "%.2f", k/1048576 }')
  rows+=("| $tool | $target | $run | ${wall} s | ${cpu} s | ${gb} GiB | $(printf "%'d" "$files") | $(human "$bytes") |")
  say "$tool, $target, run $run: ${wall} s wall, ${cpu} s CPU, ${gb} GiB peak RSS, $files files, $(human "$bytes")"
}

dest_for() { # TOOL TARGET
  case "$1:$2" in
    hugo:disk) echo "$bench/hugo-$n-out" ;;
    hugo:tmpfs) echo "$shm/hugo-$n-out" ;;
    ours:disk) echo "$bench/ours-$n-disk" ;;
    ours:tmpfs) echo "$shm/ours-$n" ;;
  esac
}

check_tmpfs_room() { # NEEDED_BYTES WHAT
  [ -d "$shm" ] || die "$shm does not exist (set SHM to a tmpfs folder, or TARGETS=disk)"
  local free; free=$(shm_free)
  if [ "$free" -lt "$1" ]; then
    die "$shm has $(human "$free") free, and $2 needs about $(human "$1"); free some, or run with TARGETS=disk"
  fi
}

# --- Hugo -------------------------------------------------------------------------------------
hugo_bytes=$((n * 20000))  # estimate until a build has measured it
if [[ " $tools " == *" hugo "* ]]; then
  site="$bench/hugo-$n"
  python3 bench/hugo_site.py "$corpus" "$site" --paginate "$paginate"
  [ "$(find "$site/content/articles" -maxdepth 1 -name '*.md' ! -name _index.md | wc -l)" -eq "$seeds" ] \
    || die "$site/content/articles does not hold $seeds articles; delete $site and run again"
  for target in $targets; do
    dest="$(dest_for hugo "$target")"
    for r in $(seq 1 "$runs"); do
      trash "$dest"
      wait_for_quiet "$dest"
      if [ "$target" = tmpfs ]; then check_tmpfs_room $((hugo_bytes * 12 / 10)) "Hugo's site"; fi
      say "hugo to $target ($dest), run $r of $runs"
      timed hugo "$target" "$dest" "$bench/hugo-$n-$target.log" "$r" -- \
        hugo --quiet --source "$site" --destination "$dest"
      hugo_bytes=$(bytes_in "$dest")
    done
    if [ "$target" = tmpfs ] && [ "${KEEP_TMPFS:-0}" != 1 ]; then rm -rf "$dest"; fi
  done
fi

# --- the archive's generator ------------------------------------------------------------------
ours_bytes=$((n * 110000))
if [[ " $tools " == *" ours "* ]]; then
  # Compiles the generator first if its sources are newer than the jar (never inside a timed run).
  ./archive --version >/dev/null
  if [ -d "$bench/ours-$n-disk" ]; then ours_bytes=$(bytes_in "$bench/ours-$n-disk"); fi
  for target in $targets; do
    dest="$(dest_for ours "$target")"
    parent="$(dirname "$dest")"; name="$(basename "$dest")"
    if [ "$target" = tmpfs ]; then check_tmpfs_room $((ours_bytes * 12 / 10)) "the generator's site"; fi
    build=(./archive build --stats --permalinks none --seeds "$corpus/seeds" --data "$corpus/data" --pages "$corpus/pages" --out "$dest")
    log="$bench/ours-$n-$target.log"
    say "ours to $target ($dest): one untimed build to fill its caches ($parent/.$name.cache)"
    "${build[@]}" >"$log" 2>&1 || { cat "$log" >&2; die "the generator's warm-up build to $target failed"; }
    for r in $(seq 1 "$runs"); do
      # a clean build: the site and its page manifest moved aside, the caches beside it kept
      trash "$dest" "$parent/.$name.pages"
      wait_for_quiet "$dest"
      say "ours to $target, run $r of $runs"
      timed ours "$target" "$dest" "$log" "$r" -- "${build[@]}"
      ours_bytes=$(bytes_in "$dest")
      notes+=("ours, $target, run $r: $(grep -m1 'stats:' "$log" || echo '(no stats line)')")
    done
    if [ "$target" = tmpfs ] && [ "${KEEP_TMPFS:-0}" != 1 ]; then
      rm -rf "$dest" "$parent/.$name.pages"
    fi
  done
fi

# --- report -----------------------------------------------------------------------------------
echo
echo "Clean builds of $(printf "%'d" "$seeds") articles ($corpus), $(nproc) cores, $(date '+%Y-%m-%d %H:%M')"
echo
echo "| tool | target | run | wall | CPU (user+sys) | peak RSS | files written | size |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
if [ ${#notes[@]} -gt 0 ]; then
  echo
  printf '%s\n' "${notes[@]}"
fi
echo
echo "hugo = $(hugo version 2>/dev/null | awk '{print $2}' || true) on $bench/hugo-$n (paginate $paginate); ours = ./archive build --stats --permalinks none"
