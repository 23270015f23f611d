"""A small terminal screen model: enough of xterm to know what a full-screen
program has put on screen (text, cursor moves, erases, scroll regions,
insert/delete lines, REP). Colours and other attributes are ignored.

    s = Screen(80, 24); s.feed(bytes); s.contains("text"); print(s.dump())
"""
import codecs
import re
import unicodedata

_CSI = re.compile(r'\x1b\[([0-?]*)([ -/]*)([@-~])')
_STR = re.compile(r'\x1b[\]P_^X].*?(?:\x07|\x1b\\)', re.S)
# ESC [, ESC ], ESC P, ESC X, ESC ^ and ESC _ only start a CSI or a string:
# until the rest has come they are not a whole sequence of their own.
_ESC = re.compile(r'\x1b[ -/]*[0-OQ-WYZ\\`-~]')


def char_width(ch):
    """Columns ch takes: 0 for combining marks and format characters, 2 for
    East Asian wide and fullwidth, else 1 (ambiguous counts as narrow)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1


class Screen:
    def __init__(self, cols=80, rows=24):
        self.cols, self.rows = cols, rows
        self.dec = codecs.getincrementaldecoder('utf-8')(errors='replace')
        self.pending = ''
        self.reset()

    def reset(self):
        self.grid = [[' '] * self.cols for _ in range(self.rows)]
        self.x = self.y = 0
        self.top, self.bottom = 0, self.rows - 1
        self.wrapnext = False
        self.autowrap = True
        self.saved = (0, 0)
        self.last = ' '

    def resize(self, cols, rows):
        """The terminal's new size: what fits is kept, the region reset."""
        grid = [[' '] * cols for _ in range(rows)]
        for y in range(min(rows, self.rows)):
            for x in range(min(cols, self.cols)):
                grid[y][x] = self.grid[y][x]
            if grid[y][-1] == '' or (cols < self.cols and self.grid[y][cols] == ''):
                grid[y][-1] = ' '  # a wide character cut in half
        self.grid, self.cols, self.rows = grid, cols, rows
        self.top, self.bottom = 0, rows - 1
        self.x, self.y = min(self.x, cols - 1), min(self.y, rows - 1)
        self.wrapnext = False

    # --- text -------------------------------------------------------------
    def _put(self, ch):
        w = char_width(ch)
        if w == 0:
            return
        if self.wrapnext or self.x + w > self.cols:
            if self.autowrap:
                self.x = 0
                self._linefeed()
            else:
                self.x = self.cols - w
        self.wrapnext = False
        row = self.grid[self.y]
        self._clear_wide(row, self.x, w)
        row[self.x] = ch
        if w == 2:
            row[self.x + 1] = ''
        self.last = ch
        if self.x + w >= self.cols:
            self.x = self.cols - 1
            self.wrapnext = True
        else:
            self.x += w

    def _clear_wide(self, row, x, w):
        # overwriting half of a wide character blanks the other half
        if row[x] == '' and x > 0:
            row[x - 1] = ' '
        end = x + w
        if end < self.cols and row[end] == '':
            row[end] = ' '

    def _linefeed(self):
        if self.y == self.bottom:
            self._scroll_up(1)
        elif self.y < self.rows - 1:
            self.y += 1

    def _blank(self):
        return [' '] * self.cols

    def _scroll_up(self, n, top=None):
        top = self.top if top is None else top
        for _ in range(min(n, self.bottom - top + 1)):
            del self.grid[top]
            self.grid.insert(self.bottom, self._blank())

    def _scroll_down(self, n, top=None):
        top = self.top if top is None else top
        for _ in range(min(n, self.bottom - top + 1)):
            del self.grid[self.bottom]
            self.grid.insert(top, self._blank())

    # --- input ------------------------------------------------------------
    def feed(self, data):
        s = self.pending + self.dec.decode(data)
        self.pending = ''
        i, n = 0, len(s)
        while i < n:
            c = s[i]
            if c == '\x1b':
                m = _CSI.match(s, i) or _STR.match(s, i) or _ESC.match(s, i)
                if not m:
                    if n - i < 4096:  # an unfinished sequence: wait for the rest
                        self.pending = s[i:]
                        return
                    i += 1
                    continue
                self._escape(m)
                i = m.end()
            elif c < ' ' or c == '\x7f':
                self._control(c)
                i += 1
            else:
                self._put(c)
                i += 1

    def _control(self, c):
        if c == '\r':
            self.x, self.wrapnext = 0, False
        elif c in '\n\x0b\x0c':
            self._linefeed()
            self.wrapnext = False
        elif c == '\b':
            self.x, self.wrapnext = max(0, self.x - 1), False
        elif c == '\t':
            self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)

    def _escape(self, m):
        t = m.group(0)
        if m.re is _CSI:
            self._csi(m.group(1), m.group(2), m.group(3))
        elif m.re is _STR:
            return
        elif t == '\x1b7':
            self.saved = (self.x, self.y)
        elif t == '\x1b8':
            self.x, self.y = self.saved
            self.wrapnext = False
        elif t == '\x1bM':  # reverse index
            if self.y == self.top:
                self._scroll_down(1)
            elif self.y > 0:
                self.y -= 1
        elif t == '\x1bD':
            self._linefeed()
        elif t == '\x1bE':
            self.x = 0
            self._linefeed()
        elif t == '\x1bc':
            self.reset()

    def _csi(self, params, inter, final):
        private = params[:1] in ('?', '>', '<', '=')
        body = params[1:] if private else params
        args = [int(p) if p.isdigit() else 0 for p in body.split(';')] if body else []

        def a(i, default=1):
            v = args[i] if i < len(args) else 0
            return v if v else default
        if inter:
            return
        if private:
            if final in 'hl':
                on = final == 'h'
                for p in args:
                    if p == 7:
                        self.autowrap = on
                    elif p in (47, 1047, 1049):
                        self.grid = [self._blank() for _ in range(self.rows)]
                        if p == 1049 and on:
                            self.saved = (self.x, self.y)
            return
        self.wrapnext = False if final not in 'mb' else self.wrapnext
        X, Y = self.cols - 1, self.rows - 1
        if final in 'Hf':
            self.y, self.x = min(a(0) - 1, Y), min(a(1) - 1, X)
        elif final == 'A':
            self.y = max(self.top if self.y >= self.top else 0, self.y - a(0))
        elif final == 'B':
            self.y = min(self.bottom if self.y <= self.bottom else Y, self.y + a(0))
        elif final == 'C':
            self.x = min(X, self.x + a(0))
        elif final == 'D':
            self.x = max(0, self.x - a(0))
        elif final == 'E':
            self.y, self.x = min(Y, self.y + a(0)), 0
        elif final == 'F':
            self.y, self.x = max(0, self.y - a(0)), 0
        elif final in 'G`':
            self.x = min(X, a(0) - 1)
        elif final == 'd':
            self.y = min(Y, a(0) - 1)
        elif final == 'K':
            row, mode = self.grid[self.y], a(0, 0)
            lo, hi = {0: (self.x, self.cols), 1: (0, self.x + 1)}.get(mode, (0, self.cols))
            for i in range(lo, hi):
                row[i] = ' '
        elif final == 'J':
            mode = a(0, 0)
            if mode == 0:
                self._csi('', '', 'K')
                rows = range(self.y + 1, self.rows)
            elif mode == 1:
                self._csi('1', '', 'K')
                rows = range(0, self.y)
            else:
                rows = range(self.rows)
            for r in rows:
                self.grid[r] = self._blank()
        elif final == 'X':
            row = self.grid[self.y]
            for i in range(self.x, min(self.cols, self.x + a(0))):
                row[i] = ' '
        elif final == '@':
            row = self.grid[self.y]
            n = min(a(0), self.cols - self.x)
            row[self.x:] = [' '] * n + row[self.x:self.cols - n]
        elif final == 'P':
            row = self.grid[self.y]
            n = min(a(0), self.cols - self.x)
            row[self.x:] = row[self.x + n:] + [' '] * n
        elif final == 'b':
            for _ in range(a(0)):
                self._put(self.last)
        elif final == 'r':
            top, bottom = a(0) - 1, a(1, self.rows) - 1
            if 0 <= top < bottom <= Y:
                self.top, self.bottom = top, bottom
            self.x = self.y = 0
        elif final == 'S':
            self._scroll_up(a(0))
        elif final == 'T':
            self._scroll_down(a(0))
        elif final in 'LM' and self.top <= self.y <= self.bottom:
            (self._scroll_down if final == 'L' else self._scroll_up)(a(0), top=self.y)
            self.x = 0
        elif final == 's':
            self.saved = (self.x, self.y)
        elif final == 'u':
            self.x, self.y = self.saved

    # --- output -----------------------------------------------------------
    def lines(self):
        return [''.join(row).rstrip() for row in self.grid]

    def dump(self):
        return '\n'.join(self.lines())

    def contains(self, text):
        """Whether text is on one row, or (holding newlines) on the screen."""
        if '\n' in text:
            return text in self.dump()
        return any(text in line for line in self.lines())
