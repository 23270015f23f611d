#!/usr/bin/env python3
"""Format the rows run.sh collects (tab-separated: label, value, unit, peer,
peer value, target, note) as a plain-text table with ratios and verdicts.
Widths are display columns, so Chinese labels line up."""
import sys
import unicodedata


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)


def pad(s, w, right=False):
    fill = ' ' * max(0, w - width(s))
    return fill + s if right else s + fill


def num(s):
    try:
        return float(s)
    except ValueError:
        return None


def cells(f):
    label, v, unit, peer, pv, target = (f + [''] * 7)[:6]
    note = f[6] if len(f) > 6 else ''
    a, b = num(v), num(pv)
    ratio, verdict, shown = '-', '', ''
    if a is None:
        verdict = 'FAIL'
    elif target.startswith('<'):
        shown = target + unit
        verdict = 'ok' if a < float(target[1:]) else 'OVER'
    elif b is not None:
        if b > 0:
            ratio = '%.2f' % (a / b)
        if num(target) is not None:
            shown = '<=%sx' % target
            r = a / b if b > 0 else (0 if a == 0 else float('inf'))
            verdict = 'ok' if r <= float(target) else 'OVER'

    def fmt(x):
        n = num(x)
        if n is None:
            return x
        return {'s': '%.3f', 'MB': '%.1f'}.get(unit, '%.0f') % n
    return [label, fmt(v) + ' ' + unit, peer, fmt(pv) + (' ' + unit if pv else ''), ratio, shown, verdict, note]


def main():
    rows = [['measure', 'newsbrowse', 'peer', 'peer value', 'ratio', 'target', 'ok', 'notes']]
    rows += [cells(line.rstrip('\n').split('\t')) for line in sys.stdin if line.strip()]
    right = {1, 3, 4}
    ws = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print('  '.join(pad(c, ws[i], i in right) for i, c in enumerate(r)).rstrip())


if __name__ == '__main__':
    main()
