#!/usr/bin/env python3
"""Wall time of two commands run alternately, A then B, --runs times.

usage: paired.py [--runs 9] [--warmup 1] -- CMD_A [ARG...] --vs CMD_B [ARG...]
Standard output of both is discarded. On a machine whose speed drifts from
minute to minute (other work, a noisy host), the best of a few runs of one
command then a few of the other compares two different moments; runs taken
in turn share them. Prints, for A and B: median_seconds, best_seconds and
median cpu_seconds (user+system, from wait4); and ratio_median, the median of
the ratios A/B of the runs taken side by side, with ratio_min and ratio_max.
"""
import argparse
import os
import statistics
import subprocess
import time


def once(cmd):
    t = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    return time.monotonic() - t, ru.ru_utime + ru.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=9)
    ap.add_argument('--warmup', type=int, default=1)
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ['--'] else a.cmd
    if '--vs' not in cmd:
        ap.error('no --vs between the two commands')
    k = cmd.index('--vs')
    ca, cb = cmd[:k], cmd[k + 1:]
    if not ca or not cb:
        ap.error('an empty command')
    for _ in range(a.warmup):
        once(ca)
        once(cb)
    ta, tb, ua, ub, ratios = [], [], [], [], []
    for i in range(a.runs):
        # who goes first alternates too: a run that warms the cache or
        # follows a busy moment does not always favour the same side
        if i % 2 == 0:
            (x, cx), (y, cy) = once(ca), once(cb)
        else:
            (y, cy), (x, cx) = once(cb), once(ca)
        ta.append(x)
        tb.append(y)
        ua.append(cx)
        ub.append(cy)
        ratios.append(x / y if y > 0 else float('inf'))
    m = statistics.median
    print('a_median_seconds=%.4f a_best_seconds=%.4f a_cpu_seconds=%.4f '
          'b_median_seconds=%.4f b_best_seconds=%.4f b_cpu_seconds=%.4f '
          'ratio_median=%.3f ratio_min=%.3f ratio_max=%.3f runs=%d'
          % (m(ta), min(ta), m(ua), m(tb), min(tb), m(ub),
             m(ratios), min(ratios), max(ratios), a.runs))


if __name__ == '__main__':
    main()
