#!/usr/bin/env python3
"""How long deleted files slow the making of new ones on this disk (see archive.bench.Trash).

    python3 bench/inode_window.py                   # 20,000 files deleted in target/inode-window
    python3 bench/inode_window.py 20000 /some/dir   # files, folder (on the disk to measure)

ext4 without a journal does not give a new file an inode freed lately: it looks past each one,
so every file made soon after many were deleted costs more. This script makes and syncs N small
files, deletes them, then makes 300 files in a new folder at intervals after the deletion and
prints what each 300 cost (CPU, nearly all of it the kernel's). The folder is deleted at the end.
"""
import os
import shutil
import sys
import time

n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
base = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'target', 'inode-window')
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base)
try:
    old = os.path.join(base, 'deleted')
    os.makedirs(old)
    for i in range(n):
        with open(os.path.join(old, 'f%d' % i), 'wb') as f:
            f.write(b'x' * 100)
    os.sync()
    t0 = time.time()
    shutil.rmtree(old)
    print('deleted %d files at %s' % (n, time.strftime('%H:%M:%S')), flush=True)
    for k, wait in enumerate([0, 20, 40, 60, 80, 100, 130, 160, 200, 250, 300, 360, 420]):
        while time.time() - t0 < wait:
            time.sleep(0.5)
        d = os.path.join(base, 'new%d' % k)
        os.makedirs(d)
        c0, w0 = time.process_time(), time.time()
        for i in range(300):
            with open(os.path.join(d, 'g%d' % i), 'wb') as f:
                f.write(b'y' * 100)
        c = time.process_time() - c0
        print('%3d s after: 300 files in %.3f s of CPU (%.3f ms each), %.3f s wall'
              % (wait, c, c / 300 * 1e3, time.time() - w0), flush=True)
finally:
    shutil.rmtree(base, ignore_errors=True)
