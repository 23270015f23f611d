#!/usr/bin/env python3
"""Run a terminal program under a pty and count what it writes.

usage: ptybytes.py [options] -- CMD [ARG...]

Byte mode (default): start CMD in a COLSxROWS pty, wait until its output is
quiet (and, with --wait, until TEXT is on screen), send --pre keys, count the
bytes written during --idle seconds of no input, then send the --keys
sequence --n times, each key followed by a wait for quiet, and report:
  startup_bytes idle_bytes per_key_median per_key_max per_key_min keys
  ms_median ms_max (milliseconds from a key to the last byte of its answer)
With --hold MS the keys are sent one every MS ms without waiting, as a held
key repeats, and the bytes until quiet after the last one are reported:
  hold_bytes hold_per_key keys
Frame mode (--until TEXT): report frame_seconds, the time from start until
TEXT is first on the screen (a screen model is kept, so cursor moves and
erases between the letters do not matter), and frame_cpu_seconds, the CPU
time the program had used by then (all its threads, from
/proc/PID/task/*/schedstat: on a loaded machine it varies less than the
wall time); then it goes on as in byte mode
with whatever --idle/--keys were given (none by default).
With --rss it also reports peak_rss_kb: VmHWM of the process, read just
before quitting (not wait4's figure, which would include the memory of the
forked interpreter before exec).

--verify compares, after the keys, the screen as built up by the program's
incremental updates with the screen it paints in full after a resize to
one column less and back: verify=same or verify=DIFF:<rows> (rows to stderr).
Keys are comma-separated: a name (enter, esc, tab, space, up, down, left,
right, pgdn, pgup, home, end, comma, plus, ctrl-X) or literal text; a+b
sends both in one write (keys typed ahead). --need-output: every key of
the round answers, so wait for its first byte before timing the quiet
(a slow frame is then not counted for the next key). --ready KEY=REGEX makes each
KEY wait until the bottom row of the screen matches REGEX, so the next key
is not typed ahead of a slow answer.
Terminal queries are answered as a plain xterm would, so nothing waits:
OSC 10/11/12 colours, DA1/DA2 (CSI c, CSI > c), DSR (CSI 5n, CSI 6n),
DECRQM (CSI ? Ps $ p: --decrqm, default 0 = mode not recognized), kitty
keyboard (CSI ? u), XTVERSION (CSI > q).
Output: key=value pairs on one line.
"""
import argparse
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import time
import fcntl
import termios

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vt  # noqa: E402

KEYS = {
    'enter': b'\r', 'esc': b'\x1b', 'tab': b'\t', 'space': b' ', 'comma': b',',
    'up': b'\x1b[A', 'down': b'\x1b[B', 'right': b'\x1b[C', 'left': b'\x1b[D',
    'pgup': b'\x1b[5~', 'pgdn': b'\x1b[6~', 'home': b'\x1b[H', 'end': b'\x1b[F',
    'backspace': b'\x7f', 'plus': b'+',
}

QUERY = re.compile(
    rb'\x1b\](1[0-2]);\?(?:\x07|\x1b\\)'          # 1: OSC colour query
    rb'|\x1b\[(>?)0?c'                            # 2: DA1 / DA2
    rb'|\x1b\[\??([56])n'                         # 3: DSR
    rb'|\x1b\[(\??)(\d+)\$p'                      # 4,5: DECRQM
    rb'|\x1b\[\?u'                                # kitty keyboard flags
    rb'|\x1b\[>0?q')                              # XTVERSION


def key_bytes(name):
    if name in KEYS:
        return KEYS[name]
    if name.startswith('ctrl-') and len(name) == 6:
        return bytes([ord(name[5].lower()) & 0x1f])
    return name.encode()


def parse_keys(spec):
    """Comma-separated keys; a+b sends a and b in one write."""
    return [b''.join(key_bytes(k) for k in item.split('+')) for item in spec.split(',') if item]


def parse_ready(specs):
    """--ready KEY=REGEX options as {key bytes: compiled regex}."""
    out = {}
    for spec in specs:
        k, _, rx = spec.partition('=')
        out[parse_keys(k)[0]] = re.compile(rx)
    return out


class Session:
    def __init__(self, cmd, cols, rows, decrqm, dump=None, screen=True):
        self.cols, self.rows, self.decrqm = cols, rows, decrqm
        self.silent = False  # --silent: a terminal that never answers
        self.screen = vt.Screen(cols, rows) if screen else None
        self.log = open(dump, 'wb') if dump else None
        self.qbuf = b''
        self.queries = 0
        self.total = 0
        self.exited = False
        self.status = None
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:
            env = dict(os.environ)
            for k in ('SSH_TTY', 'SSH_CONNECTION', 'TERM_PROGRAM', 'WT_SESSION', 'TMUX', 'COLORTERM'):
                env.pop(k, None)
            env.update(TERM='xterm-256color', COLUMNS=str(cols), LINES=str(rows),
                       LANG=env.get('LANG') or 'C.UTF-8', LESSHISTFILE='-', LESS='')
            try:
                os.execvpe(cmd[0], cmd, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))

    def _answer(self, data):
        """Answer the queries in data in order, as a terminal does: the
        screen model is fed up to each query first, so a cursor position
        report gives where the cursor stands when the query is read, not
        after what follows it in the same read."""
        buf = self.qbuf + data
        last = 0
        fed = 0  # bytes of data fed to the screen model
        for m in QUERY.finditer(buf):
            last = m.end()
            if self.screen:
                upto = max(fed, m.end() - len(self.qbuf))
                self.screen.feed(data[fed:upto])
                fed = upto
            self.queries += 1
            t = m.group(0)
            if m.group(1):
                rgb = 'ffff/ffff/ffff' if m.group(1) == b'10' else '0000/0000/0000'
                reply = b'\x1b]' + m.group(1) + b';rgb:' + rgb.encode() + b'\x1b\\'
            elif t.endswith(b'c'):
                reply = b'\x1b[>1;10;0c' if m.group(2) else b'\x1b[?62;22c'
            elif t.endswith(b'n'):
                if m.group(3) == b'5':
                    reply = b'\x1b[0n'
                else:
                    y, x = (self.screen.y + 1, self.screen.x + 1) if self.screen else (1, 1)
                    reply = b'\x1b[%d;%dR' % (y, x)
            elif t.endswith(b'$p'):
                reply = b'\x1b[' + m.group(4) + m.group(5) + b';%d$y' % self.decrqm
            elif t.endswith(b'u'):
                reply = b'\x1b[?0u'
            else:
                reply = b'\x1bP>|xterm(ptybytes)\x1b\\'
            if not self.silent:
                self.write(reply)
        if self.screen:
            self.screen.feed(data[fed:])
        self.qbuf = buf[last:][-64:]

    def write(self, data):
        try:
            os.write(self.fd, data)
        except OSError:
            pass

    def read(self, timeout):
        """One read of at most 64 KiB; b'' on timeout or end."""
        if self.exited:
            time.sleep(timeout)
            return b''
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return b''
        try:
            d = os.read(self.fd, 65536)
        except OSError:
            d = b''
        if not d:
            self.exited = True
            return b''
        self.total += len(d)
        if self.log:
            self.log.write(d)
        self._answer(d)  # feeds the screen model too
        return d

    def drain(self, settle, limit=30.0):
        """Bytes read until nothing came for settle seconds (or limit passed)."""
        return self.step(b'', settle, limit)[0]

    def step(self, key, settle, limit=30.0, ready=None, need=False):
        """Send key, read until quiet: (bytes, seconds to the last byte).
        With ready (a regex), first read until the bottom row matches it;
        with need, first read until some output came (at most 10 s)."""
        start = time.monotonic()
        self.write(key)
        n = 0
        end = start + limit
        last = start
        while need and time.monotonic() < start + 10 and not self.exited:
            d = self.read(0.01)
            if d:
                n += len(d)
                last = time.monotonic()
                break
        while ready and not ready.search(self.screen.lines()[-1]) and time.monotonic() < end \
                and not self.exited:
            d = self.read(0.01)
            n += len(d)
            if d:
                last = time.monotonic()
        while time.monotonic() < end and not self.exited:
            d = self.read(0.01)
            if d:
                n += len(d)
                last = time.monotonic()
            elif time.monotonic() - last >= settle:
                break
        return n, last - start

    def hold(self, keys, interval, settle):
        """Send keys one every interval seconds, reading all the while, then
        read until quiet for settle seconds: the bytes read."""
        n = 0
        start = time.monotonic()
        for i, k in enumerate(keys):
            self.write(k)
            due = start + (i + 1) * interval
            while time.monotonic() < due and not self.exited:
                n += len(self.read(max(0.0, min(0.01, due - time.monotonic()))))
        return n + self.drain(settle)

    def count_for(self, seconds):
        n = 0
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            n += len(self.read(min(0.05, max(0.0, end - time.monotonic()))))
        return n

    def wait_text(self, text, limit):
        """Seconds from start until text is on screen, or None after limit."""
        end = time.monotonic() + limit
        while True:
            if self.screen.contains(text):
                return time.monotonic() - self.t0
            if time.monotonic() >= end or self.exited:
                return None
            self.read(0.01)

    def resize(self, cols, rows):
        """Give the pty a new size; the kernel sends SIGWINCH."""
        self.screen.resize(cols, rows)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))

    def verify(self, settle):
        """Whether the screen built up key by key equals the one the program
        paints after a resize to one column less and back. Returns the
        differing rows as (row, before, after)."""
        before = self.screen.lines()
        self.resize(self.cols - 1, self.rows)
        self.step(b'', settle, need=True)
        self.resize(self.cols, self.rows)
        self.step(b'', settle, need=True)
        after = self.screen.lines()
        return [(i, b, a) for i, (b, a) in enumerate(zip(before, after)) if b != a]

    def cpu_seconds(self):
        """CPU time the process has used so far, all its threads (the
        scheduler's nanoseconds, /proc/PID/task/*/schedstat), or -1."""
        total = 0
        try:
            for tid in os.listdir('/proc/%d/task' % self.pid):
                with open('/proc/%d/task/%s/schedstat' % (self.pid, tid)) as f:
                    total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            return -1
        return total / 1e9

    def vmhwm_kb(self):
        try:
            with open('/proc/%d/status' % self.pid) as f:
                for line in f:
                    if line.startswith('VmHWM:'):
                        return int(line.split()[1])
        except OSError:
            pass
        return -1

    def close(self, quit_keys):
        """Send quit_keys, then end the child: SIGTERM, then SIGKILL, each
        after 2 s without an exit."""
        for k in quit_keys:
            self.write(k)
            self.drain(0.2, limit=2)
        for sig in (None, signal.SIGTERM, signal.SIGKILL):
            if sig:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    pass
            end = time.monotonic() + 2
            while self.status is None and time.monotonic() < end:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.status = status
                else:
                    self.read(0.05)
            if self.status is not None:
                break
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self.log:
            self.log.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cols', type=int, default=80)
    ap.add_argument('--rows', type=int, default=24)
    ap.add_argument('--startup-settle', type=float, default=1.0, help='quiet seconds that end start-up')
    ap.add_argument('--wait', default='', help='text that must be on screen before measuring')
    ap.add_argument('--until', default='', help='frame mode: time until this text is on screen')
    ap.add_argument('--timeout', type=float, default=60, help='limit for --wait/--until')
    ap.add_argument('--pre', default='', help='keys sent once before the idle measurement')
    ap.add_argument('--idle', type=float, default=0, help='seconds of no input to count')
    ap.add_argument('--keys', default='', help='key sequence of one round')
    ap.add_argument('--n', type=int, default=0, help='rounds of --keys')
    ap.add_argument('--settle', type=float, default=0.25, help='quiet seconds that end one key')
    ap.add_argument('--hold', type=float, default=0, metavar='MS',
                    help='send the --n rounds of --keys one key every MS ms without waiting for answers, '
                         'as a held key repeats, then read until quiet: hold_bytes hold_per_key')
    ap.add_argument('--ready', action='append', default=[], metavar='KEY=REGEX',
                    help='after KEY, wait until the bottom screen row matches REGEX (then settle)')
    ap.add_argument('--need-output', action='store_true',
                    help='every key answers: wait for its first byte (up to 10 s) before the quiet time')
    ap.add_argument('--quit', default='q', help='keys that end the program')
    ap.add_argument('--decrqm', type=int, default=0, help='DECRQM reply value (0 not recognized, 2 reset)')
    ap.add_argument('--silent', action='store_true', help='answer no query, as a terminal that never answers')
    ap.add_argument('--rss', action='store_true')
    ap.add_argument('--dump', default='', help='write the raw output here')
    ap.add_argument('--screen', action='store_true', help='print the final screen to stderr')
    ap.add_argument('--verify', action='store_true',
                    help='after the keys, compare the screen with a full repaint (resize and back)')
    ap.add_argument('--trace', action='store_true', help='print bytes and ms of every key to stderr')
    ap.add_argument('cmd', nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ['--'] else a.cmd
    if not cmd:
        ap.error('no command')

    s = Session(cmd, a.cols, a.rows, a.decrqm, a.dump)
    s.silent = a.silent
    out = {}
    try:
        if a.until:
            t = s.wait_text(a.until, a.timeout)
            cpu = s.cpu_seconds()
            out['frame_seconds'] = 'timeout' if t is None else '%.3f' % t
            if t is not None and cpu >= 0:
                out['frame_cpu_seconds'] = '%.4f' % cpu
        if a.wait and s.wait_text(a.wait, a.timeout) is None:
            out['wait'] = 'timeout'
        s.drain(a.startup_settle, limit=a.timeout)
        out['startup_bytes'] = s.total
        for k in parse_keys(a.pre):
            s.step(k, a.settle)
        if a.idle:
            out['idle_bytes'] = s.count_for(a.idle)
        per, secs = [], []
        seq = parse_keys(a.keys)
        ready = parse_ready(a.ready)
        if a.hold:
            keys = [k for _ in range(a.n) for k in seq]
            n = s.hold(keys, a.hold / 1000, a.settle)
            out.update(hold_bytes=n, hold_per_key='%.0f' % (n / max(1, len(keys))), keys=len(keys))
        for _ in range(0 if a.hold else a.n):
            for k in seq:
                n, t = s.step(k, a.settle, ready=ready.get(k), need=a.need_output)
                if a.trace:
                    sys.stderr.write('key %d %r: %d B, %.0f ms\n' % (len(per), k, n, t * 1000))
                per.append(n)
                secs.append(t * 1000)
        if per:
            out.update(per_key_median='%.0f' % statistics.median(per), per_key_max=max(per),
                       per_key_min=min(per), keys=len(per),
                       ms_median='%.0f' % statistics.median(secs), ms_max='%.0f' % max(secs))
        if a.verify:
            diff = s.verify(max(a.settle, 0.3))
            out['verify'] = 'DIFF:%d' % len(diff) if diff else 'same'
            for i, b, af in diff:
                sys.stderr.write('row %d incremental: %s\nrow %d repainted:   %s\n' % (i, b, i, af))
        if a.rss:
            out['peak_rss_kb'] = s.vmhwm_kb()
        out['exited_early'] = int(s.exited)
        if a.screen:
            sys.stderr.write(s.screen.dump() + '\n')
    finally:
        s.close(parse_keys(a.quit))
    out['queries'] = s.queries
    print(' '.join('%s=%s' % kv for kv in out.items()))


if __name__ == '__main__':
    main()
