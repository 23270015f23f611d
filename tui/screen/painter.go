package screen

import (
	"strconv"

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
type Painter struct {
	cond          *runewidth.Condition
	rows          []string // what the screen shows, "" for a blank row
	width, height int
	valid         bool
}

// NewPainter returns a Painter that measures text with cond, the measure
// the views lay their rows out with.
func NewPainter(cond *runewidth.Condition) *Painter {
	return &Painter{cond: cond}
}

// Invalidate forgets what the screen shows: the next frame is painted
// whole.
func (p *Painter) Invalidate() { p.valid = false }

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
	next := fitRows(rows, width, height, p.cond)
	if !p.valid || width != p.width || height != p.height {
		p.width, p.height, p.valid = width, height, true
		b := []byte("\x1b[m\x1b[H\x1b[2J")
		cur := cursor{row: 0, col: 0, rowKnown: true, colKnown: true}
		b = p.paintRows(b, &cur, make([]string, height), next)
		p.rows = next
		return b
	}
	best := p.paintRows(nil, &cursor{}, p.rows, next)
	for _, s := range findShifts(p.rows, next, maxShiftTries) {
		b, cur := s.appendTo(nil, height)
		if len(b) >= len(best) {
			continue
		}
		if b = p.paintRows(b, &cur, s.apply(p.rows), next); len(b) < len(best) {
			best = b
		}
	}
	p.rows = next
	return best
}

// maxShiftTries is how many scroll candidates a frame is painted with
// before the cheapest way is chosen.
const maxShiftTries = 3

// paintRows appends the bytes that turn the rows old into next.
func (p *Painter) paintRows(b []byte, cur *cursor, old, next []string) []byte {
	for i := range next {
		if old[i] != next[i] {
			b = p.paintRow(b, cur, i, old[i], next[i])
		}
	}
	return b
}

// paintRow appends the bytes that turn row i from old into next: only the
// part between their common prefix and their common suffix is written.
func (p *Painter) paintRow(b []byte, cur *cursor, i int, old, next string) []byte {
	nb, ob := bounds(next), bounds(old)
	q := lastCommon(ob, nb, commonPrefix(old, next))
	s := p.keepSuffix(old, next, ob, nb, q)
	mid := next[q : len(next)-s]
	if !hasText(mid) && !hasText(old[q:len(old)-s]) {
		return b // only escape sequences differ, and nothing they style
	}
	col := visibleWidth(next[:q], p.cond)
	start, end := penAt(next, q), penAt(next, len(next)-s)
	el := false
	if s == 0 {
		// The row is written to its end: trailing spaces in the default
		// pen may be left out, since the rest of the line is blank or is
		// erased.
		endCol := col + visibleWidth(mid, p.cond)
		needEL := old != "" && endCol < p.width
		if n := trailingSpaces(mid); n > 0 && end.plain() && (old == "" || needEL || n > len(eraseLine)) {
			mid = mid[:len(mid)-n]
			needEL = old != ""
		}
		el = needEL
	}
	b = cur.moveTo(b, i, col)
	b = append(b, start.sgr...)
	b = append(b, start.link...)
	b = append(b, mid...)
	if end.sgr != "" {
		b = append(b, sgrReset...)
	}
	if end.link != "" {
		b = append(b, linkClose...)
	}
	if el {
		b = append(b, eraseLine...)
	}
	endCol := col + visibleWidth(mid, p.cond)
	*cur = cursor{row: i, col: endCol, rowKnown: true, colKnown: endCol < p.width}
	return b
}

// keepSuffix is the length of the longest common tail of old[q:] and
// next[q:] that already shows right on screen: it starts on a cluster and
// sequence boundary of both rows, in the same column and with the same pen.
func (p *Painter) keepSuffix(old, next string, ob, nb []int, q int) int {
	limit := commonSuffix(old[q:], next[q:])
	if limit == 0 {
		return 0
	}
	colChecked := false
	for k := len(nb) - 1; k >= 0 && nb[k] >= len(next)-limit; k-- {
		s := len(next) - nb[k]
		if s == 0 || !has(ob, len(old)-s) {
			continue
		}
		if !colChecked {
			// The tails are the same text, so the columns agree at every
			// cut once they agree at one.
			if visibleWidth(old[:len(old)-s], p.cond) != visibleWidth(next[:len(next)-s], p.cond) {
				return 0
			}
			colChecked = true
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

// appendCUP appends a cursor position sequence for the 0-based row and col.
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
