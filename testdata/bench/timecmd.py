#!/usr/bin/env python3
"""Wall time of a command: best and median of --runs runs after --warmup runs.

usage: timecmd.py [--runs 3] [--warmup 1] -- CMD [ARG...]
Standard output is counted (lines) and discarded; standard error is kept.
Prints: best_seconds median_seconds cpu_seconds lines rc maxrss_kb.
cpu_seconds is the least user+system CPU time of the runs (from wait4),
steadier than the wall time on a loaded machine. maxrss_kb comes
from one more run under /usr/bin/time when it exists (wait4 here would
count this interpreter's memory, which the child has before its exec), else
-1.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time


def once(cmd):
    t = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    lines = 0
    for chunk in iter(lambda: p.stdout.read(1 << 16), b''):
        lines += chunk.count(b'\n')
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return time.monotonic() - t, ru.ru_utime + ru.ru_stime, lines, p.returncode


def maxrss_kb(cmd):
    if not os.access('/usr/bin/time', os.X_OK):
        return -1
    with tempfile.NamedTemporaryFile('r') as f:
        subprocess.run(['/usr/bin/time', '-f', '%M', '-o', f.name] + cmd,
                       stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        try:
            return int(f.read().split()[-1])
        except (ValueError, IndexError):
            return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--warmup', type=int, default=1)
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ['--'] else a.cmd
    for _ in range(a.warmup):
        once(cmd)
    times, cpus = [], []
    for _ in range(a.runs):
        t, cpu, lines, rc = once(cmd)
        times.append(t)
        cpus.append(cpu)
    print('best_seconds=%.4f median_seconds=%.4f cpu_seconds=%.4f lines=%d rc=%d maxrss_kb=%d'
          % (min(times), statistics.median(times), min(cpus), lines, rc, maxrss_kb(cmd)))


if __name__ == '__main__':
    main()
