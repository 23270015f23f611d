package screen

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"newsbrowse/tui/wrap"
)

// vt is a small terminal model for the tests: it applies the sequences the
// painter uses (CUP, ED 2, EL, DECSTBM, SU, SD, CR, LF, SGR, OSC 8) to a
// grid of cells with autowrap off, and rejects anything else.
type vt struct {
	w, h     int
	cells    [][]cell
	row, col int
	top, bot int
	pen      string // the SGR sequences in effect since the last reset
	origin   bool   // DECOM: rows count from the top of the scrolling region
	cond     *runewidth.Condition
}

// cell is one screen cell: a grapheme cluster ("" when blank, wide for the
// right half of a two-column cluster) and the pen it was drawn with.
type cell struct {
	g   string
	pen string
}

const wide = "\x00"

func newVT(w, h int, cond *runewidth.Condition) *vt {
	t := &vt{w: w, h: h, bot: h - 1, cond: cond}
	t.cells = make([][]cell, h)
	for i := range t.cells {
		t.cells[i] = make([]cell, w)
	}
	return t
}

// scribble fills the screen with junk, as another program would leave it.
func (t *vt) scribble() {
	for r := range t.cells {
		for c := range t.cells[r] {
			t.cells[r][c] = cell{g: string(rune('a' + (r+c)%26)), pen: "\x1b[7m"}
		}
	}
	t.pen = "\x1b[41m"
	t.row, t.col = t.h/2, t.w/2
}

func (t *vt) blank() cell { return cell{pen: t.pen} }

// feed applies b to the screen.
func (t *vt) feed(b []byte) error {
	s := string(b)
	p := ansi.NewParser()
	for len(s) > 0 {
		if s[0] == ansi.ESC {
			p.Reset()
			seq, _, n, _ := ansi.DecodeSequence(s, ansi.NormalState, p)
			if ignoredByVT(seq) {
				s = s[max(n, 1):]
				continue
			}
			if err := t.control(seq, p); err != nil {
				return err
			}
			s = s[max(n, 1):]
			continue
		}
		switch s[0] {
		case '\x0f': // SI: the model has one character set
			s = s[1:]
			continue
		case '\r':
			t.col = 0
			s = s[1:]
			continue
		case '\n':
			if t.row == t.bot {
				t.scroll(t.top, t.bot, 1)
			} else if t.row < t.h-1 {
				t.row++
			}
			s = s[1:]
			continue
		}
		if s[0] < ' ' || s[0] == 0x7f {
			return fmt.Errorf("control byte %#x", s[0])
		}
		end := strings.IndexAny(s, "\x1b\r\n")
		if end < 0 {
			end = len(s)
		}
		text, state := s[:end], -1
		for len(text) > 0 {
			var g string
			g, text, _, state = uniseg.FirstGraphemeClusterInString(text, state)
			if err := t.put(g); err != nil {
				return err
			}
		}
		s = s[end:]
	}
	return nil
}

func (t *vt) control(seq string, p *ansi.Parser) error {
	if strings.HasPrefix(seq, "\x1b]8;") {
		return nil
	}
	if !strings.HasPrefix(seq, "\x1b[") {
		return fmt.Errorf("unexpected sequence %q", seq)
	}
	param := func(i, def int) int {
		v, ok := p.Param(i, def)
		if !ok || v == 0 {
			return def
		}
		return v
	}
	cmd := ansi.Cmd(p.Command())
	switch seq {
	case "\x1b[?6h", "\x1b[?6l":
		t.origin = seq == "\x1b[?6h"
		t.row, t.col = 0, 0
		if t.origin {
			t.row = t.top
		}
		return nil
	}
	if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
		return fmt.Errorf("unexpected sequence %q", seq)
	}
	switch cmd.Final() {
	case 'm':
		if isReset(seq) {
			t.pen = ""
		} else {
			t.pen += seq
		}
	case 'H':
		t.row = min(max(param(0, 1), 1), t.h) - 1
		if t.origin {
			t.row = min(t.row+t.top, t.bot)
		}
		t.col = min(max(param(1, 1), 1), t.w) - 1
	case 'C': // CUF stops at the right edge
		t.col = min(t.col+param(0, 1), t.w-1)
	case 'J':
		if param(0, 0) != 2 {
			return fmt.Errorf("unexpected ED %q", seq)
		}
		for r := range t.cells {
			for c := range t.cells[r] {
				t.cells[r][c] = t.blank()
			}
		}
	case 'K':
		if param(0, 0) != 0 {
			return fmt.Errorf("unexpected EL %q", seq)
		}
		t.fixWide(t.row, t.col)
		for c := t.col; c < t.w; c++ {
			t.cells[t.row][c] = t.blank()
		}
	case 'r':
		top, bot := param(0, 1)-1, param(1, t.h)-1
		if top < 0 || bot >= t.h || top >= bot {
			return fmt.Errorf("bad region %q", seq)
		}
		t.top, t.bot = top, bot
		t.row, t.col = 0, 0
		if t.origin {
			t.row = top
		}
	case 'S':
		t.scroll(t.top, t.bot, param(0, 1))
	case 'T':
		t.scroll(t.top, t.bot, -param(0, 1))
	default:
		return fmt.Errorf("unexpected sequence %q", seq)
	}
	return nil
}

// scroll moves rows top..bot up by n (down when n < 0), blanking the rows
// uncovered.
func (t *vt) scroll(top, bot, n int) {
	rows := make([][]cell, bot-top+1)
	for i := range rows {
		src := top + i + n
		rows[i] = make([]cell, t.w)
		if src >= top && src <= bot {
			copy(rows[i], t.cells[src])
		} else {
			for c := range rows[i] {
				rows[i][c] = t.blank()
			}
		}
	}
	copy(t.cells[top:], rows)
}

// fixWide blanks the halves of two-column clusters that a write at (r, c)
// splits.
func (t *vt) fixWide(r, c int) {
	if c > 0 && c < t.w && t.cells[r][c].g == wide {
		t.cells[r][c-1] = t.blank()
		t.cells[r][c] = t.blank()
	}
}

func (t *vt) put(g string) error {
	w := wrap.Width(g, t.cond)
	if w == 0 {
		return nil // takes no cell
	}
	if t.col+w > t.w {
		return fmt.Errorf("%q written past the right edge at column %d", g, t.col)
	}
	r := t.row
	t.fixWide(r, t.col)
	t.fixWide(r, t.col+w)
	t.cells[r][t.col] = cell{g: g, pen: t.pen}
	for i := 1; i < w; i++ {
		t.cells[r][t.col+i] = cell{g: wide, pen: t.pen}
	}
	t.col += w
	return nil
}

// norm is how a cell looks: a blank and a space drawn with the default pen
// are the same.
func (c cell) norm() cell {
	if c.g == "" {
		c.g = " "
	}
	return c
}

// diff describes the first difference between the screens t and u.
func (t *vt) diff(u *vt) string {
	for r := 0; r < t.h; r++ {
		for c := 0; c < t.w; c++ {
			if a, b := t.cells[r][c].norm(), u.cells[r][c].norm(); a != b {
				return fmt.Sprintf("row %d col %d: %q%q, want %q%q\n got row: %q\nwant row: %q",
					r, c, a.pen, a.g, b.pen, b.g, t.text(r), u.text(r))
			}
		}
	}
	return ""
}

// text is the text of row r.
func (t *vt) text(r int) string {
	var b strings.Builder
	for _, c := range t.cells[r] {
		switch c.g {
		case wide:
		case "":
			b.WriteByte(' ')
		default:
			b.WriteString(c.g)
		}
	}
	return b.String()
}

// reference is the screen the frame rows show, each row written from its
// first column with the default pen onto a blank w×h screen.
func reference(rows []string, w, h int, cond *runewidth.Condition) (*vt, error) {
	t := newVT(w, h, cond)
	for i := 0; i < h && i < len(rows); i++ {
		t.row, t.col, t.pen = i, 0, ""
		if err := t.feed([]byte(rows[i])); err != nil {
			return nil, fmt.Errorf("row %d %q: %w", i, rows[i], err)
		}
	}
	return t, nil
}

// visibleWidth is the number of columns s covers on screen, as cond
// measures the text left once the escape sequences are removed.
func visibleWidth(s string, cond *runewidth.Condition) int {
	if strings.IndexByte(s, ansi.ESC) < 0 {
		return wrap.Width(s, cond)
	}
	return wrap.Width(ansi.Strip(s), cond)
}

// ignoredByVT reports whether seq sets or resets a mode that does not change
// what the model shows: the modes a session sets and resets, and the parts
// of saneState other than the scrolling region, origin mode and the pen.
func ignoredByVT(seq string) bool {
	for _, m := range ownModes {
		if seq == m.set || seq == m.reset {
			return true
		}
	}
	switch seq {
	case "\x1b[?69l", "\x1b[4l", "\x1b[?5l", "\x1b(B":
		return true
	}
	return false
}
