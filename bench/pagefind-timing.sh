#!/usr/bin/env bash
# Pagefind's side of the search comparison (docs/search-benchmarks.md): times pagefind.search(q)
# in headless Chromium on a site Pagefind has indexed, e.g.
#   npx -y pagefind@1.6.0 --site SITE --glob "articles/**/*.html" --output-subdir pagefind-en
#   bench/pagefind-timing.sh SITE pagefind-en,pagefind-zh 大跃进 钢铁 的 steel "pig iron production"
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" archive.search.bench.PagefindTiming "$@"
