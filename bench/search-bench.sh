#!/usr/bin/env bash
# Search at scale: builds a synthetic corpus of N articles (default 100000) in memory, times the
# search index build and its peak extra heap, then times queries in headless Chromium.
#   bench/search-bench.sh [ARTICLES | CORPUS] [OUT]    (OUT defaults to target/search-bench)
# CORPUS: a folder with seeds/, data/ and pages/ (as `archive bench` writes) instead of a synthetic corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec java ${BENCH_JAVA_OPTS:--Xmx8g -XX:+UseParallelGC} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  archive.search.bench.SearchBenchmark "${1:-100000}" "${2:-target/search-bench}"
