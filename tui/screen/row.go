package screen

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"newsbrowse/tui/wrap"
)

// Sequences the painter writes at the end of a row.
const (
	sgrReset  = "\x1b[m"
	linkClose = "\x1b]8;;\x1b\\"
	eraseLine = "\x1b[K"
)

// bounds returns the byte offsets at which row may be cut without splitting
// an escape sequence or a grapheme cluster, ascending, from 0 to len(row).
// Text between two escape sequences is segmented on its own.
func bounds(row string) []int {
	out := make([]int, 1, len(row)/2+2)
	for i := 0; i < len(row); {
		if row[i] == ansi.ESC {
			_, _, n, _ := ansi.DecodeSequence(row[i:], ansi.NormalState, nil)
			i += max(n, 1)
			out = append(out, i)
			continue
		}
		end := len(row)
		if j := strings.IndexByte(row[i:], ansi.ESC); j >= 0 {
			end = i + j
		}
		text, state := row[i:end], -1
		for len(text) > 0 {
			var c string
			c, text, _, state = uniseg.FirstGraphemeClusterInString(text, state)
			i += len(c)
			out = append(out, i)
		}
	}
	return out
}

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

// has reports whether the ascending list a holds x.
func has(a []int, x int) bool {
	lo, hi := 0, len(a)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case a[m] == x:
			return true
		case a[m] < x:
			lo = m + 1
		default:
			hi = m
		}
	}
	return false
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
		case strings.HasPrefix(seq, "\x1b]8;"):
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

// linkOpens reports whether the OSC 8 sequence seq starts a hyperlink (a
// non-empty URI) rather than ending one.
func linkOpens(seq string) bool {
	body := strings.TrimPrefix(seq, "\x1b]8;")
	body = strings.TrimSuffix(strings.TrimSuffix(body, "\x07"), "\x1b\\")
	i := strings.IndexByte(body, ';')
	return i >= 0 && i < len(body)-1
}

// visibleWidth is the number of columns s covers on screen, as cond
// measures the text left once the escape sequences are removed.
func visibleWidth(s string, cond *runewidth.Condition) int {
	if strings.IndexByte(s, ansi.ESC) < 0 {
		return wrap.Width(s, cond)
	}
	return wrap.Width(ansi.Strip(s), cond)
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

// fitRow returns row cut to at most width columns: whole grapheme clusters
// and escape sequences only, nothing after the first cluster that does not
// fit. A row that already fits is returned as it is.
func fitRow(row string, width int, cond *runewidth.Condition) string {
	row = strings.TrimSuffix(row, "\r")
	if len(row) <= width || visibleWidth(row, cond) <= width {
		return row
	}
	b := bounds(row)
	w := 0
	for k := 1; k < len(b); k++ {
		u := row[b[k-1]:b[k]]
		if u[0] == ansi.ESC {
			continue
		}
		w += wrap.Width(u, cond)
		if w > width {
			return row[:b[k-1]]
		}
	}
	return row
}

// fitRows turns the rows of a frame into exactly height rows, each at most
// width columns wide; missing rows are blank ("").
func fitRows(rows []string, width, height int, cond *runewidth.Condition) []string {
	out := make([]string, height)
	for i := range out {
		if i < len(rows) {
			out[i] = fitRow(rows[i], width, cond)
		}
	}
	return out
}
