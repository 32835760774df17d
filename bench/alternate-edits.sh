#!/usr/bin/env bash
# Times one-edit builds on the bench corpus, each an edit: the author line of one article is
# changed and changed back in turn, and each build prints its `stats:` wall and CPU time.
#
#   ./archive bench --articles 10000 --saves 0     # once: makes target/bench/corpus-10000-1958 and its site
#   bash bench/alternate-edits.sh 6                # six edit builds through the launcher, as an editor runs them
#   bash bench/alternate-edits.sh 8 target/a.jar /tmp/old/archive.jar
#                                                  # two builds of the generator side by side, alternated, each on
#                                                  # its own copy of the site and caches and with its own class-data
#                                                  # archive, as the launcher gives one (each jar with its lib/ beside it)
#
# ARTICLES (default 10000) picks the corpus; the edited article is the one in the middle, as in the bench.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:?usage: alternate-edits.sh ROUNDS [JAR ...]}
shift
n=${ARTICLES:-10000}
corpus=target/bench/corpus-$n-1958
site=target/bench/site-$n
[ -d "$corpus/seeds" ] && [ -d "$site" ] || { echo "no bench corpus or site: run ./archive bench --articles $n --saves 0 first" >&2; exit 2; }
seed=$(ls "$corpus/seeds/$(printf '%06d' $((n / 2)))"_*.txt)
original=$(mktemp)
cp "$seed" "$original"
trap 'cp "$original" "$seed"; rm -f "$original"' EXIT
args=(build --stats --permalinks none --seeds "$corpus/seeds" --data "$corpus/data" --pages "$corpus/pages" --templates templates)
# The launcher's options for an archive of this size (see ./archive), for jars run without it.
opts=(-Xms1g -XX:MetaspaceSize=128m -Xmx2600m -XX:NewRatio=3 -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
[ "$n" -ge 5000 ] && opts=(-Xms1g -XX:MetaspaceSize=128m -Xmx2600m -XX:NewRatio=2 -XX:+UseParallelGC -XX:TieredStopAtLevel=1)
[ "$n" -ge 40000 ] && opts=(-Xms1g -XX:MetaspaceSize=128m -Xmx2300m -XX:+UseG1GC)
grep -qE '\[(always|madvise)\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null && opts+=(-XX:+UseTransparentHugePages)
jars=("$@")
for k in "${!jars[@]}"; do
  rm -rf "target/bench/site-ab$k" "target/bench/.site-ab$k.cache" "target/bench/ab$k.jsa"
  cp -a "$site" "target/bench/site-ab$k"
  cp -a "target/bench/.site-$n.cache" "target/bench/.site-ab$k.cache"
done
build() { # label, then the command; prints the label and the stats line's wall and CPU
  local label=$1; shift
  echo "$label $("$@" 2>&1 | grep '^stats:' | cut -d' ' -f2-3)"
}
# A first build for each jar makes its copy of the site its own (a new generator renders every page)
# and records the classes it loads, which its timed builds then map in (see ./archive).
for k in "${!jars[@]}"; do
  java "${opts[@]}" -XX:ArchiveClassesAtExit="target/bench/ab$k.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "${jars[$k]}" "${args[@]}" --out "target/bench/site-ab$k" >/dev/null 2>&1
done
for ((i = 1; i <= rounds; i++)); do
  if grep -q '^Author: An alternating edit' "$seed"; then cp "$original" "$seed"; else sed -i 's/^Author:/Author: An alternating edit/' "$seed"; fi
  if [ ${#jars[@]} -eq 0 ]; then
    build "edit $i" ./archive "${args[@]}" --out "$site"
  else
    # Each round runs the jars in turn, starting with a different one, so that neither always goes first.
    for ((j = 0; j < ${#jars[@]}; j++)); do
      k=$(( (i + j) % ${#jars[@]} ))
      build "edit $i ${jars[$k]}" java "${opts[@]}" -Xlog:cds=off -XX:SharedArchiveFile="target/bench/ab$k.jsa" \
        -jar "${jars[$k]}" "${args[@]}" --out "target/bench/site-ab$k"
    done
  fi
done
