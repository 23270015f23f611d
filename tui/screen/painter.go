package screen

import (
	"sort"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Painter computes the bytes that bring a terminal from the frame it shows
// to the next one. It keeps a model of the screen (one string per row) and,
// for each frame, scrolls moved blocks of rows in hardware and rewrites each
// changed row only from its first changed column to its last.
//
// The terminal is expected to have autowrap off and the default pen
// between frames; Painter leaves it that way. A Painter is not safe for
// concurrent use.
//
// Columns are those cond measures. A terminal that draws a character
// wider or narrower than cond says (an ambiguous-width “ or …, an emoji
// its font or Unicode tables size otherwise) moves its cursor by another
// amount, and the Painter does not know: on that row, the text written
// after the character in the same write lands shifted by the difference
// (cut at the right edge, autowrap being off, or leaving old cells beyond
// the end), and a later frame that keeps the row's tail in place keeps it
// shifted. Other rows are not affected, as every row is reached with an
// absolute cursor move (or CR LF from column 0). The row is right again
// once a frame rewrites it from before that character, and the whole
// screen after Invalidate (a resize, the return from $PAGER). Ambiguous
// characters are the likely case: the user matches cond to the terminal
// with --ambiguous or RUNEWIDTH_EASTASIAN=1.
type Painter struct {
	cond          *runewidth.Condition
	rows          []string // what the screen shows, "" for a blank row
	width, height int
	valid         bool

	// layouts of the rows of the last frame and of the one being painted:
	// most rows of a frame were in the one before, maybe elsewhere.
	layouts, nextLayouts map[string]*layout
}

// NewPainter returns a Painter that measures text with cond, the measure
// the views lay their rows out with.
func NewPainter(cond *runewidth.Condition) *Painter {
	return &Painter{cond: cond, layouts: map[string]*layout{}, nextLayouts: map[string]*layout{}}
}

// layout returns the layout of row, computed once per frame at most.
func (p *Painter) layout(row string) *layout {
	l, ok := p.nextLayouts[row]
	if !ok {
		if l, ok = p.layouts[row]; !ok {
			l = layoutOf(row, p.cond)
		}
		p.nextLayouts[row] = l
	}
	return l
}

// fitRows turns the rows of a frame into exactly height rows, each at most
// width columns wide; missing rows are blank ("").
func (p *Painter) fitRows(rows []string, width, height int) []string {
	out := make([]string, height)
	for i := range out {
		if i < len(rows) {
			row := strings.TrimSuffix(rows[i], "\r")
			out[i] = fit(row, p.layout(row), width)
		}
	}
	return out
}

// endFrame keeps the layouts of the rows now on screen.
func (p *Painter) endFrame(rows []string) {
	clear(p.layouts)
	for _, r := range rows {
		if l, ok := p.nextLayouts[r]; ok {
			p.layouts[r] = l
		}
	}
	clear(p.nextLayouts)
}

// SetCond makes the painter measure rows with cond, and paint the next
// frame whole.
func (p *Painter) SetCond(cond *runewidth.Condition) {
	p.cond = cond
	clear(p.layouts)
	clear(p.nextLayouts)
	p.valid = false
}

// Invalidate forgets what the screen shows: the next frame is painted
// whole.
func (p *Painter) Invalidate() { p.valid = false }

// AppendRow appends the bytes that write row i of the screen again, whole,
// as the last frame painted it: after bytes written behind the painter's
// back drew on that row. A row beyond the screen is its last row, where
// the terminal stops the cursor. Without a frame on screen it appends
// nothing (the next frame is painted whole anyway).
func (p *Painter) AppendRow(b []byte, i int) []byte {
	if !p.valid || len(p.rows) == 0 || i < 0 {
		return b
	}
	i = min(i, len(p.rows)-1)
	row := p.rows[i]
	if t := strings.TrimRight(row, " "); len(t) < len(row) {
		if penAt(row, len(t)).plain() {
			row = t // blanks in the default pen: the erase that ends the row clears them
		}
	}
	return p.paintWhole(b, &cursor{}, i, row)
}

// Frame returns the bytes that turn the previous frame into rows on a
// width×height screen. Rows beyond height are dropped, missing rows are
// blank, and a row wider than width is cut. The first frame, a frame of
// another size and the first frame after Invalidate clear the screen and
// paint every row; an unchanged frame gives no bytes.
func (p *Painter) Frame(rows []string, width, height int) []byte {
	if width < 1 || height < 1 {
		p.valid = false
		return nil
	}
	next := p.fitRows(rows, width, height)
	defer p.endFrame(next)
	if !p.valid || width != p.width || height != p.height {
		return p.paintAll(next, width, height)
	}
	// The cheapest of the scrolls found, then of painting in place, which
	// wins a tie. Each way is given up once it costs more than the best
	// so far: in place, a scrolled screen costs every row.
	var best []byte
	have := false
	for _, found := range findShifts(p.rows, next, maxShiftTries) {
		for _, s := range [2]shift{found, found.extended(height)} {
			b, cur := s.appendTo(nil, height)
			if have && len(b) >= len(best) {
				continue
			}
			if b = p.paintRows(b, &cur, s.apply(p.rows), next, bound(best, have, 1)); !have || len(b) < len(best) {
				best, have = b, true
			}
		}
	}
	if b := p.paintRows(nil, &cursor{}, p.rows, next, bound(best, have, 0)); !have || len(b) <= len(best) {
		best = b
	}
	p.rows = next
	return best
}

// bound is the most bytes a way of painting may cost and still be chosen:
// less by less than the best so far, or anything when there is none.
func bound(best []byte, have bool, less int) int {
	if !have {
		return -1
	}
	return len(best) - less
}

// maxShiftTries is how many scroll candidates a frame is painted with
// before the cheapest way is chosen.
const maxShiftTries = 3

// paintRows appends the bytes that turn the rows old into next. With a
// limit of 0 or more, it stops once b is longer than limit.
func (p *Painter) paintRows(b []byte, cur *cursor, old, next []string, limit int) []byte {
	for i := range next {
		if old[i] != next[i] {
			if b = p.paintRow(b, cur, i, old[i], next[i]); limit >= 0 && len(b) > limit {
				return b
			}
		}
	}
	return b
}

// paintRow appends the bytes that turn row i from old into next: only the
// part between their common prefix and their common suffix is written.
func (p *Painter) paintRow(b []byte, cur *cursor, i int, old, next string) []byte {
	nl, ol := p.layout(next), p.layout(old)
	if nl.disputed || ol.disputed {
		return p.paintWhole(b, cur, i, next)
	}
	q := lastCommon(ol.at, nl.at, commonPrefix(old, next))
	s := keepSuffix(old, next, ol, nl, q)
	mid := next[q : len(next)-s]
	if !hasText(mid) && !hasText(old[q:len(old)-s]) {
		return b // only escape sequences differ, and nothing they style
	}
	// Sequences before the first character written are part of its pen:
	// a reset there would only undo the pen replayed before it.
	q = skipPen(next, nl, q, len(next)-s)
	mid = next[q : len(next)-s]
	if s > 0 && trailingSpaces(mid) > len(eraseLine) && blankTail(next, len(next)-s) {
		// Blanks written over old text, then only blanks to the end:
		// erasing the rest of the row costs less.
		s, mid = 0, next[q:]
	}
	col, endCol := nl.colAt(q), nl.colAt(len(next)-s)
	start, end := penAt(next, q), penAt(next, len(next)-s)
	el := false
	if s == 0 {
		// The row is written to its end. What lies beyond the old row's
		// text is blank already; the rest of it must be erased. Trailing
		// spaces in the default pen may be left out when erasing costs
		// less than writing them.
		oldW := ol.width()
		el = oldW > endCol
		if n := trailingSpaces(mid); n > 0 && end.plain() {
			trimEL := oldW > endCol-n
			if cost(n, el) > cost(0, trimEL) {
				mid, el, endCol = mid[:len(mid)-n], trimEL, endCol-n
			}
		}
		if mid == "" && !el {
			return b // the rest of the row is blank already
		}
	}
	b = cur.moveTo(b, i, col)
	b = append(b, start.sgr...)
	b = append(b, start.link...)
	b = appendMid(b, next, nl, q, q+len(mid), start, old, ol)
	if end.sgr != "" {
		b = append(b, sgrReset...)
	}
	if end.link != "" {
		b = append(b, linkClose...)
	}
	if el {
		b = append(b, eraseLine...)
	}
	*cur = cursor{row: i, col: endCol, rowKnown: true, colKnown: endCol < p.width}
	return b
}

// skipPen returns the offset of the first character of next[q:end], a cut
// of nl, when only SGR and hyperlink sequences come before it; else q.
func skipPen(next string, nl *layout, q, end int) int {
	for k := nl.index(q); k >= 0 && k < len(nl.at)-1 && nl.at[k] < end; k++ {
		unit := next[nl.at[k]:nl.at[k+1]]
		if unit[0] != ansi.ESC {
			return nl.at[k]
		}
		if !isSGR(unit) && !isLink(unit) {
			return q
		}
	}
	return q
}

// paintWhole appends the bytes that write row i as next from its first
// column and erase the rest of it. A row holding a cluster whose width
// terminals disagree on is painted so: on a terminal that draws it in
// another width, whatever follows it on the row lands elsewhere, and only
// a whole row written again puts every character where the row says.
// Where the cursor ends is then not known.
func (p *Painter) paintWhole(b []byte, cur *cursor, i int, next string) []byte {
	b = cur.moveTo(b, i, 0)
	b = append(b, next...)
	if end := penAt(next, len(next)); end.sgr != "" || end.link != "" {
		if end.sgr != "" {
			b = append(b, sgrReset...)
		}
		if end.link != "" {
			b = append(b, linkClose...)
		}
	}
	b = append(b, eraseLine...)
	*cur = cursor{row: i, rowKnown: true}
	return b
}

// keepSuffix is the length of the longest common tail of old[q:] and
// next[q:] that already shows right on screen: it starts on a cut of both
// rows, in the same column and with the same pen.
func keepSuffix(old, next string, ol, nl *layout, q int) int {
	limit := commonSuffix(old[q:], next[q:])
	for k := sort.SearchInts(nl.at, len(next)-limit); k < len(nl.at)-1; k++ {
		s := len(next) - nl.at[k]
		ko := ol.index(len(old) - s)
		if ko < 0 {
			continue
		}
		if ol.col[ko] != nl.col[k] {
			// The tails are the same text: if the columns differ at one
			// cut, they differ at every later one.
			return 0
		}
		if penAt(old, len(old)-s) == penAt(next, len(next)-s) {
			return s
		}
	}
	return 0
}

// cursor is what the painter knows of the terminal's cursor position.
type cursor struct {
	row, col           int
	rowKnown, colKnown bool
}

// moveTo appends the shortest move the painter uses to (row, col).
func (c *cursor) moveTo(b []byte, row, col int) []byte {
	switch {
	case c.rowKnown && c.colKnown && c.row == row && c.col == col:
		return b
	case col == 0 && c.rowKnown && c.row == row-1:
		return append(b, '\r', '\n')
	}
	return appendCUP(b, row, col)
}

// appendCUP appends a cursor position sequence (CUP) for the 0-based row
// and col. It is ansi.CursorPosition without an allocation per move, and
// shorter: a parameter that is 1 is left out.
func appendCUP(b []byte, row, col int) []byte {
	b = append(b, "\x1b["...)
	if row > 0 || col > 0 {
		b = strconv.AppendInt(b, int64(row+1), 10)
	}
	if col > 0 {
		b = append(b, ';')
		b = strconv.AppendInt(b, int64(col+1), 10)
	}
	return append(b, 'H')
}

// cost is the number of bytes of n spaces, followed by an erase when el.
func cost(n int, el bool) int {
	if el {
		return n + len(eraseLine)
	}
	return n
}

// paintAll paints next on a cleared screen of a new size, or after the
// screen was lost.
func (p *Painter) paintAll(next []string, width, height int) []byte {
	p.width, p.height, p.valid = width, height, true
	b := []byte(ansi.ResetStyle + ansi.CursorHomePosition + ansi.EraseEntireScreen)
	cur := cursor{row: 0, col: 0, rowKnown: true, colKnown: true}
	b = p.paintRows(b, &cur, make([]string, height), next, -1)
	p.rows = next
	return b
}
