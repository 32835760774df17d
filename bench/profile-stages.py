#!/usr/bin/env python3
"""Sums an async-profiler collapsed-stack file by pipeline stage: the shares quoted in docs/benchmarks.md.

    java -agentpath:/path/to/libasyncProfiler.so=start,event=itimer,interval=1ms,file=clean.collapsed,collapsed \
         -jar target/archive.jar build --seeds ... --out /dev/shm/site
    python3 bench/profile-stages.py clean.collapsed

A stack counts for the first stage (in the order below) whose marker frame it holds; the others
are listed by their leaf frame.
"""
import collections
import sys

STAGES = [('ArticlePages.render', 'article pages'), ('GlossaryPages', 'glossary'), ('PlacePages', 'places'),
          ('DatePages', 'dates'), ('IndustryPages', 'industries'), ('EditorialPages', 'editorial'),
          ('SearchIndexBuilder', 'search'), ('SeedReader', 'seeds'), ('AnnotationStore', 'annotstore'),
          ('EditorialDataLoader', 'data'), ('Publishing', 'publishing other'), ('AtomFeed', 'feed'),
          ('OpenData', 'downloads'), ('SiteWriter.publish', 'publish'), ('PublishJournal', 'publish'),
          ('ArchiveIndex', 'index'), ('EditorFeedback', 'feedback'), ('GenCollectedHeap', 'GC'),
          ('VMThread', 'VM/GC'), ('CompileBroker', 'JIT'), ('Templates.precompile', 'templates compile'),
          ('SiteBuild.read', 'read other')]


def main(path, top=30):
    counts, total = collections.Counter(), 0
    with open(path) as f:
        for line in f:
            stack, n = line.rstrip().rsplit(' ', 1)
            n = int(n)
            total += n
            counts[next((name for marker, name in STAGES if marker in stack), 'other: ' + stack.split(';')[-1][:80])] += n
    print(f'{total} samples')
    for name, n in counts.most_common(top):
        print(f'{100 * n / total:5.1f}% {name}')


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: profile-stages.py FILE.collapsed')
    main(sys.argv[1])
