#!/usr/bin/env python3
"""What replacing published files costs on this disk, three ways (see archive.site.Discards).

    python3 bench/replace_cost.py                  # 8,000 files of 30 KB in target/replace-cost, 3 rounds
    python3 bench/replace_cost.py 8000 3 /some/dir # files, rounds, folder (on the disk to measure)

Each round writes N new files into a staging folder (after a sync, so that only they are unwritten,
as a build's staged pages are) and puts them in place of N published ones:
  replace  each renamed over its published file (which the rename frees);
  aside    each published file first renamed into a trash folder, then the new one renamed in;
  link     each published file first given a second link in the trash folder, then replaced.
It prints the time of the renames and, for the last two, of deleting the trash folder afterwards.
The folder is deleted at the end.
"""
import os
import shutil
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
base = os.path.abspath(sys.argv[3] if len(sys.argv) > 3 else "target/replace-cost")
out, staging, trash = (os.path.join(base, d) for d in ("out", "staging", "trash"))
data = os.urandom(30000)


def rel(i):
    return os.path.join("a%04d" % (i // 100), "f%d.html" % i)


def write_all(root):
    for i in range(n):
        path = os.path.join(root, rel(i))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def one(mode):
    shutil.rmtree(staging, ignore_errors=True)
    shutil.rmtree(trash, ignore_errors=True)
    os.sync()
    write_all(staging)
    os.makedirs(trash)
    started = time.time()
    for i in range(n):
        src, dst = os.path.join(staging, rel(i)), os.path.join(out, rel(i))
        if mode == "aside":
            os.rename(dst, os.path.join(trash, str(i)))
        elif mode == "link":
            os.link(dst, os.path.join(trash, str(i)))
        os.rename(src, dst)
    renamed = time.time() - started
    started = time.time()
    shutil.rmtree(trash)
    deleted = time.time() - started
    print("%-7s %d files: renamed in %.2f s%s" % (mode, n, renamed, "" if mode == "replace" else ", trash deleted in %.2f s" % deleted))


write_all(out)
try:
    for _ in range(rounds):
        for mode in ("replace", "aside", "link"):
            one(mode)
finally:
    shutil.rmtree(base, ignore_errors=True)
