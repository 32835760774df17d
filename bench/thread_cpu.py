#!/usr/bin/env python3
"""The CPU of a build's threads, second by second: where a core sat idle (docs/benchmarks.md).

    python3 bench/thread_cpu.py -- ./archive build --out /dev/shm/site ...
    python3 bench/thread_cpu.py 0.25 -- ./archive build ...     # every 0.25 s instead of every second

Runs the command, finds the JVM it starts (the command itself or a process under it) and reads
/proc/PID/task/*/stat at each step: the cores each group of threads used in the step (main, the
common pool, the search index's thread, the JIT compilers, the collector, the others). The
command's own output goes to standard error; the table to standard output.
"""
import os
import subprocess
import sys
import time


def java_under(pid):
    """The first process named java at or under pid, or None."""
    todo = [pid]
    while todo:
        p = todo.pop(0)
        try:
            if open('/proc/%d/comm' % p).read().strip() == 'java':
                return p
            for t in os.listdir('/proc/%d/task' % p):
                todo += [int(c) for c in open('/proc/%d/task/%s/children' % (p, t)).read().split()]
        except OSError:
            pass
    return None


def group(name):
    if name == 'java':
        return 'main'
    if 'ForkJoinPool' in name:
        return 'pool'
    if 'search' in name:
        return 'search'
    if 'Compiler' in name or name.startswith(('C1 ', 'C2 ')):
        return 'JIT'
    if 'GC' in name:
        return 'GC'
    return 'other'


def threads(pid):
    out = {}
    for tid in os.listdir('/proc/%d/task' % pid):
        try:
            s = open('/proc/%d/task/%s/stat' % (pid, tid)).read()
        except OSError:
            continue
        fields = s[s.rindex(')') + 2:].split()
        out[tid] = (group(s[s.index('(') + 1:s.rindex(')')]), int(fields[11]) + int(fields[12]))
    return out


def main(argv):
    step = 1.0
    if '--' not in argv:
        sys.exit(__doc__)
    at = argv.index('--')
    if at == 1:
        step = float(argv[0])
    command = argv[at + 1:]
    hz = os.sysconf('SC_CLK_TCK')
    start = time.time()
    proc = subprocess.Popen(command, stdout=sys.stderr)
    pid = None
    while pid is None and proc.poll() is None:
        pid = java_under(proc.pid)
        time.sleep(0.01)
    groups = ['main', 'pool', 'search', 'JIT', 'GC', 'other']
    print('  time ' + ''.join('%7s' % g for g in groups) + '   total')
    before, then = {}, time.time()
    while pid is not None and proc.poll() is None:
        try:
            now_threads, now = threads(pid), time.time()
        except OSError:
            break
        if before:
            used = dict.fromkeys(groups, 0.0)
            for tid, (g, ticks) in now_threads.items():
                used[g] += (ticks - before.get(tid, (g, 0))[1]) / hz / (now - then)
            print('%6.1f ' % (now - start) + ''.join('%7.2f' % used[g] for g in groups) + '   %5.2f' % sum(used.values()),
                  flush=True)
        before, then = now_threads, now
        time.sleep(step)
    sys.exit(proc.wait())


if __name__ == '__main__':
    main(sys.argv[1:])
