package screen

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"newsbrowse/tui/wrap"
)

// Sequences the painter writes at the end of a row. x/ansi names them,
// but for the closing hyperlink: ansi.ResetHyperlink ends with BEL, and the
// painter ends an OSC 8 with ST, as the rows it copies do.
const (
	sgrReset  = ansi.ResetStyle
	linkClose = "\x1b]8;;\x1b\\"
	eraseLine = ansi.EraseLineRight
)

// layout is where a row may be cut without splitting an escape sequence
// or a grapheme cluster, and the screen column at each such place.
type layout struct {
	at  []int // byte offsets, ascending, from 0 to len(row)
	col []int // col[k] is the width of row[:at[k]]
	// disputed: the row holds a cluster whose width terminals disagree
	// on (see disputed)
	disputed bool
}

// layoutOf segments row: each escape sequence is one unit, and the text
// between two of them is split into grapheme clusters, each as wide as
// cond measures it.
func layoutOf(row string, cond *runewidth.Condition) *layout {
	size := len(row)/2 + 2
	l := &layout{at: make([]int, 1, size), col: make([]int, 1, size)}
	w := 0
	for i := 0; i < len(row); {
		if row[i] == ansi.ESC {
			_, _, n, _ := ansi.DecodeSequence(row[i:], ansi.NormalState, nil)
			i += max(n, 1)
			l.at, l.col = append(l.at, i), append(l.col, w)
			continue
		}
		end := len(row)
		if j := strings.IndexByte(row[i:], ansi.ESC); j >= 0 {
			end = i + j
		}
		if text := row[i:end]; wrap.Simple(text) { // each rune is a cluster
			for _, r := range text {
				i += utf8.RuneLen(r)
				w += wrap.RuneWidth(r, cond)
				l.at, l.col = append(l.at, i), append(l.col, w)
			}
			continue
		}
		for text, state := row[i:end], -1; len(text) > 0; {
			var c string
			c, text, _, state = uniseg.FirstGraphemeClusterInString(text, state)
			i += len(c)
			if len(c) == 1 && c[0] >= ' ' && c[0] < 0x7f {
				w++
			} else {
				cw := wrap.Width(c, cond)
				w += cw
				l.disputed = l.disputed || disputed(c, cw, cond)
			}
			l.at, l.col = append(l.at, i), append(l.col, w)
		}
	}
	return l
}

// disputed reports whether terminals may draw the grapheme cluster c, of
// width w under cond, in another width: a cluster of several code points
// (an emoji with a skin tone, a ZWJ sequence such as 🏳️‍🌈, a character
// with VS16, a flag) or whose width is not the sum of theirs. A terminal
// that measures code point by code point, as wcwidth does, draws it wider
// or narrower than one that measures clusters.
func disputed(c string, w int, cond *runewidth.Condition) bool {
	if utf8.RuneCountInString(c) < 2 {
		return false
	}
	sum := 0
	for _, r := range c {
		switch {
		case r == 0xFE0F, r == 0x200D, r == 0x20E3, // VS16, ZWJ, keycap
			r >= 0x1F3FB && r <= 0x1F3FF, // skin tones
			r >= 0x1F1E6 && r <= 0x1F1FF, // regional indicators (flags)
			r >= 0xE0020 && r <= 0xE007F: // tags (subdivision flags)
			return true
		}
		sum += cond.RuneWidth(r)
	}
	return sum != w
}

// width is the number of columns the whole row covers.
func (l *layout) width() int { return l.col[len(l.col)-1] }

// index is the position of the byte offset off in l.at, or -1 when the row
// cannot be cut there.
func (l *layout) index(off int) int {
	if k := sort.SearchInts(l.at, off); k < len(l.at) && l.at[k] == off {
		return k
	}
	return -1
}

// colAt is the column at the byte offset off, which must be a cut.
func (l *layout) colAt(off int) int { return l.col[l.index(off)] }

// lastCommon is the largest offset, at most limit, found in both ascending
// lists a and b. Both lists start with 0, so the answer is never below 0.
func lastCommon(a, b []int, limit int) int {
	best := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] > limit || b[j] > limit:
			return best
		case a[i] == b[j]:
			best = a[i]
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return best
}

// commonPrefix is the number of leading bytes a and b share.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// commonSuffix is the number of trailing bytes a and b share.
func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	for i := 1; i <= n; i++ {
		if a[len(a)-i] != b[len(b)-i] {
			return i - 1
		}
	}
	return n
}

// pen is the drawing state that the escape sequences of a row prefix leave
// behind: the SGR sequences written since the last full reset, and the
// hyperlink (OSC 8) still open. Replaying sgr and link after a reset puts a
// terminal in the same state.
type pen struct {
	sgr  string
	link string
}

// plain reports whether p is the terminal's default state.
func (p pen) plain() bool { return p.sgr == "" && p.link == "" }

// penAt returns the pen in effect at byte offset pos of row.
func penAt(row string, pos int) pen {
	var p pen
	for i := 0; i < pos; {
		j := strings.IndexByte(row[i:pos], ansi.ESC)
		if j < 0 {
			break
		}
		i += j
		seq, _, n, _ := ansi.DecodeSequence(row[i:], ansi.NormalState, nil)
		i += max(n, 1)
		if i > pos {
			break
		}
		switch {
		case isReset(seq):
			p.sgr = ""
		case isSGR(seq):
			p.sgr += seq
		case isLink(seq):
			if linkOpens(seq) {
				p.link = seq
			} else {
				p.link = ""
			}
		}
	}
	return p
}

// isSGR reports whether seq is a Select Graphic Rendition sequence.
func isSGR(seq string) bool {
	if len(seq) < 3 || seq[0] != ansi.ESC || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return false
	}
	for _, c := range []byte(seq[2 : len(seq)-1]) {
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return false
		}
	}
	return true
}

// isReset reports whether seq is an SGR sequence that only resets: ESC[m,
// ESC[0m, ESC[0;0m and so on.
func isReset(seq string) bool {
	if !isSGR(seq) {
		return false
	}
	return strings.Trim(seq[2:len(seq)-1], "0;") == ""
}

// isLink reports whether seq is an OSC 8 (hyperlink) sequence.
func isLink(seq string) bool { return strings.HasPrefix(seq, "\x1b]8;") }

// linkOpens reports whether the OSC 8 sequence seq starts a hyperlink (a
// non-empty URI) rather than ending one.
func linkOpens(seq string) bool {
	body := strings.TrimPrefix(seq, "\x1b]8;")
	body = strings.TrimSuffix(strings.TrimSuffix(body, "\x07"), "\x1b\\")
	i := strings.IndexByte(body, ';')
	return i >= 0 && i < len(body)-1
}

// hasText reports whether s holds anything besides escape sequences.
func hasText(s string) bool {
	if strings.IndexByte(s, ansi.ESC) < 0 {
		return s != ""
	}
	return ansi.Strip(s) != ""
}

// trailingSpaces is the number of space bytes s ends with.
func trailingSpaces(s string) int {
	return len(s) - len(strings.TrimRight(s, " "))
}

// blankTail reports whether row shows only blanks in the default pen from
// byte offset off to its end.
func blankTail(row string, off int) bool {
	return strings.Trim(row[off:], " ") == "" && penAt(row, off).plain()
}

// fit returns row cut to at most width columns: whole grapheme clusters
// and escape sequences only, nothing after the first cluster that does not
// fit. A row that already fits is returned as it is.
func fit(row string, l *layout, width int) string {
	if l.width() <= width {
		return row
	}
	for k := 1; k < len(l.at); k++ {
		if l.col[k] > width {
			return row[:l.at[k-1]]
		}
	}
	return row
}
