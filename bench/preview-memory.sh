#!/usr/bin/env bash
# The preview's memory over many saves: `archive serve` on a copy of the bench corpus, one seed's
# author line saved SAVES times (a save every 1.5 s), and the live heap (after a full collection,
# `jcmd GC.run`, once the preview is idle) printed every 5 saves. A preview that keeps nothing of the
# builds it replaced stays flat; one that does grows by the same step each time (before the
# thirty-eighth session: 17.5 MB a save at 10,000 articles, 189 MB to 715 MB over 30 saves).
#
#   ./archive bench --articles 10000 --saves 0     # once: makes target/bench/corpus-10000-1958
#   bash bench/preview-memory.sh                   # 30 saves at 10,000 articles
#   SAVES=60 bash bench/preview-memory.sh target/archive.jar /tmp/old/target/archive.jar   # two builds of the generator in turn
#
# ARTICLES (default 10000) picks the corpus, ROOT (default /dev/shm) where its copy and the site go,
# PORT (default 8765) the preview's port.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${ARTICLES:-10000}
saves=${SAVES:-30}
root=${ROOT:-/dev/shm}
port=${PORT:-8765}
corpus=target/bench/corpus-$n-1958
[ -d "$corpus/seeds" ] || { echo "no bench corpus: run ./archive bench --articles $n --saves 0 first" >&2; exit 2; }
[ $# -gt 0 ] || set -- target/archive.jar
[ -f target/archive.jar ] || ./archive --version >/dev/null
work="$root/preview-memory-$$"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work"
cp -r "$corpus" "$work/corpus"
seed="$work/corpus/seeds/$(ls "$work/corpus/seeds" | grep "^$(printf '%06d' $((n / 2)))_")"
live() {
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/PSYoungGen|ParOldGen|garbage-first heap|def new generation|tenured generation/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); gsub(/K,?/, "", v); s += v } } END { printf "%d MB", s / 1024 }'
}
# Waits until the preview is idle, its last save built and caught up (a build in flight would count as live).
idle() {
  local t=0
  until tail -n 1 "$log" | grep -qE "^(Brought|Serving)"; do sleep 0.5; t=$((t + 1)); [ "$t" -lt 1200 ] || { echo "the preview did not catch up" >&2; exit 1; }; done
}
for jar in "$@"; do
  rm -rf "$work/site" "$work/.site."*
  log="$work/serve.log"
  ARCHIVE_JAR="$(realpath "$jar")" ./archive serve --permalinks none --seeds "$work/corpus/seeds" --data "$work/corpus/data" \
      --pages "$work/corpus/pages" --out "$work/site" --port "$port" > "$log" 2>&1 &
  pid=$!
  # The launcher execs java: the preview's pid is the one started. Ready once it serves and caught up.
  until grep -qs "^Serving" "$log"; do sleep 1; kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }; done
  idle
  echo "$jar: started, $(live) live"
  for i in $(seq 1 "$saves"); do
    sed -i "s/^Author:.*/Author: A Preview Save $i/" "$seed"
    sleep 1.5
    if [ $((i % 5)) = 0 ]; then idle; echo "$jar: after $i saves, $(live) live"; fi
  done
  echo "$jar: $(grep -c '^Built' "$log") builds, the last: $(grep '^Built' "$log" | tail -1)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=""
done
