#!/usr/bin/env bash
# Clean builds of the bench corpus with JVM option variants alternated, each with a GC log: the
# launcher's options, then each variant added after them (a later option overrides an earlier one).
# Every build deletes the site first and keeps the caches beside it (COLD=1 deletes them too, as on
# a machine that never built the corpus), and prints its wall and CPU time, peak RSS, when its pages
# were done (the search index may follow them) and its collections' pauses.
#
#   ./archive bench --articles 10000 --saves 0        # once: makes target/bench/corpus-10000-1958
#   ROUNDS=3 bash bench/gc-options.sh '-XX:MaxTenuringThreshold=1|-XX:MaxTenuringThreshold=0'
#   ARTICLES=100000 ROUNDS=3 bash bench/gc-options.sh '|-XX:MaxTenuringThreshold=0'
#                                                      # '' (first) is the launcher's options alone
#   ARTICLES=100000 COLD=1 ROUNDS=2 bash bench/gc-options.sh '|-XX:MaxTenuringThreshold=0'
#
# OUT (default /dev/shm/gc-options-N) is the site folder: tmpfs leaves the disk's noise out (on disk each
# build waits out the deletions before it, up to 250 s, see bench/trash.sh). A 100,000-
# article site there takes 8.4 GB of memory, its caches 1 GB more.
set -euo pipefail
cd "$(dirname "$0")/.."
variants=${1?usage: gc-options.sh "OPTIONS|OPTIONS...", an empty variant being the launcher options alone}
n=${ARTICLES:-10000}
corpus=target/bench/corpus-$n-1958
[ -d "$corpus/seeds" ] || { echo "no bench corpus: run ./archive bench --articles $n --saves 0 first" >&2; exit 2; }
out=${OUT:-/dev/shm/gc-options-$n}
parent=$(dirname "$out"); name=$(basename "$out")
log=$(mktemp -d)
# On disk, what a build would delete is moved aside and deleted at exit, and a build waits for
# deletions the disk still feels, as alternate-edits.sh does (bench/trash.sh); on tmpfs, deleted at once.
source bench/trash.sh
trap 'rm -rf "$log"; trash_empty' EXIT
# (a trailing empty variant is kept by the "|" added: read drops one empty field at the end)
IFS='|' read -r -a vs <<< "$variants|"
for r in $(seq "${ROUNDS:-2}"); do
  for k in "${!vs[@]}"; do
    v="${vs[$k]}"
    trash "$out" "$parent/.$name.pages" "$parent/.$name.folders"
    [ -z "${COLD:-}" ] || trash "$parent/.$name.cache"
    wait_for_quiet "$out"
    built=$(ARCHIVE_EXTRA_JAVA_OPTS="$v -Xlog:gc:file=$log/gc.log" ./archive build --stats --permalinks none \
      --seeds "$corpus/seeds" --data "$corpus/data" --pages "$corpus/pages" --out "$out" 2>&1) || { echo "$built" >&2; exit 1; }
    stats=$(grep '^stats:' <<< "$built" | grep -oE '(wall|cpu|rss)=[0-9.]+' | tr '\n' ' ')
    pages=$(grep -oE '^\[ *[0-9.]+ s, CPU +[0-9.]+ s\] Rendered [0-9]+ pages of' <<< "$built" | grep -oE '^\[ *[0-9.]+' | tr -d '[ ' || true)
    gc=$(awk '/Pause/ { t = $NF; sub("ms", "", t); s += t; p++; if ($0 ~ /Pause Full/) f++ }
      END { printf "%d pauses %.2f s, %d full", p, s / 1000, f }' "$log/gc.log")
    echo "round $r [${v:-launcher}] ${stats}pages done at ${pages:-?} s; $gc"
  done
done
