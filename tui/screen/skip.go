package screen

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// minSkip is the shortest run of blanks that the painter steps over with
// a cursor move (CUF, ESC [ n C: 4 bytes and more) instead of writing it.
const minSkip = 5

// appendMid appends next[from:to], the changed part of a row that starts
// at column col in the pen start, to b. A run of at least minSkip spaces
// in the default pen over columns that old shows blank in the default pen
// too is stepped over with CUF: the padding between a list's text and
// its border, over a row a scroll just uncovered, costs a few bytes.
func appendMid(b []byte, next string, nl *layout, from, to int, start pen, old string, ol *layout) []byte {
	mid := next[from:to]
	if !strings.Contains(mid, strings.Repeat(" ", minSkip)) {
		return append(b, mid...)
	}
	blank := blankColumns(old, ol)
	sgr, link := start.sgr != "", start.link != ""
	k := nl.index(from)
	last := nl.index(to)
	for k < last {
		unit := next[nl.at[k]:nl.at[k+1]]
		if unit[0] == ansi.ESC {
			sgr, link = penAfter(unit, sgr, link)
			b = append(b, unit...)
			k++
			continue
		}
		c := nl.col[k]
		n := 0
		for !sgr && !link && k+n < last && next[nl.at[k+n]:nl.at[k+n+1]] == " " && blank(c+n) {
			n++
		}
		if n >= minSkip {
			b = appendCUF(b, n)
			k += n
			continue
		}
		if n == 0 {
			n = 1
		}
		b = append(b, next[nl.at[k]:nl.at[k+n]]...)
		k += n
	}
	return b
}

// blankColumns returns whether a column of the row old shows a blank in
// the default pen: a plain space, or nothing (past the end of the row).
func blankColumns(old string, ol *layout) func(int) bool {
	w := ol.width()
	cols := make([]bool, w)
	sgr, link := false, false
	for k := 0; k < len(ol.at)-1; k++ {
		unit := old[ol.at[k]:ol.at[k+1]]
		if unit[0] == ansi.ESC {
			sgr, link = penAfter(unit, sgr, link)
			continue
		}
		if unit == " " && !sgr && !link {
			cols[ol.col[k]] = true
		}
	}
	return func(c int) bool { return c >= w || cols[c] }
}

// penAfter is whether an SGR state and a hyperlink are in effect after
// the escape sequence seq, given those before it (see penAt).
func penAfter(seq string, sgr, link bool) (bool, bool) {
	switch {
	case isReset(seq):
		sgr = false
	case isSGR(seq):
		sgr = true
	case isLink(seq):
		link = linkOpens(seq)
	}
	return sgr, link
}

// appendCUF appends a cursor forward sequence of n columns.
func appendCUF(b []byte, n int) []byte {
	b = append(b, "\x1b["...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, 'C')
}
