package grep

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
)

// Most snippets are cut from a line of Chinese text around a match of the
// same: ideographs, the punctuation of loneRuneLen and printable ASCII
// other than space (plain text, see plainText), with perhaps white space
// where the line starts or ends. snippetPlain makes such a snippet by
// walking out from the match over little more than the columns it keeps,
// in place of collapsing, measuring, segmenting and cutting the whole
// window snippetGeneral looks at; it leaves every other case to
// snippetGeneral.
//
// In plain text every character is a grapheme cluster of its own and is
// kept as it is by collapse. A cut between two characters falls between
// two words, whatever comes before or after, when either is an ideograph
// or punctuation that never joins a word (hardLone, TestHardLoneBreaks):
// UAX #29 only keeps letters and digits together, with the marks between
// them. A cut in a run of other plain characters (letters, digits, ASCII
// punctuation, ，：；) is placed by segmenting that run alone, which
// breaks as it does in the whole text when the run ends at such
// characters or at the ends of the text (TestSoftRunAlone).

// snippetPlain is SnippetSpan when ok; when not, it could not tell.
func snippetPlain(text string, start, end int, cond *runewidth.Condition, width int) (snip string, ms, me int, ok bool) {
	p, ok := plainSnippetOf(text, start, end, cond, width)
	if !ok {
		return "", 0, 0, false
	}
	ms, me = p.span(start, end)
	if !p.pre && !p.post {
		return text[p.from:p.to], ms, me, true
	}
	var b strings.Builder
	b.Grow(p.size())
	if p.pre {
		b.WriteString(ellipsis)
	}
	b.WriteString(text[p.from:p.to])
	if p.post {
		b.WriteString(ellipsis)
	}
	return b.String(), ms, me, true
}

// plainSnippet is a snippet of plain text: text[from:to], after "…" when
// pre, followed by "…" when post.
type plainSnippet struct {
	from, to  int
	pre, post bool
}

// size is the snippet's length in bytes.
func (p plainSnippet) size() int {
	n := p.to - p.from
	if p.pre {
		n += len(ellipsis)
	}
	if p.post {
		n += len(ellipsis)
	}
	return n
}

// span returns the byte range in the snippet of the match [start, end) of
// the text.
func (p plainSnippet) span(start, end int) (ms, me int) {
	ms, me = start-p.from, end-p.from
	if p.pre {
		ms += len(ellipsis)
		me += len(ellipsis)
	}
	return ms, me
}

// plainSnippetOf returns what snippetPlain makes, when ok, without
// making it.
func plainSnippetOf(text string, start, end int, cond *runewidth.Condition, width int) (p plainSnippet, ok bool) {
	if start >= end {
		return p, false
	}
	mid := text[start:end]
	mw, ok := plainWidth(cond, mid)
	if !ok || mw > width {
		return p, false
	}
	if mw == width {
		return plainSnippet{from: start, to: end}, true
	}
	room := width - mw
	bRoom := room / 3
	aRoom := room - bRoom
	aHi, bLo := reachAfter(text, end), reachBefore(text, start)
	aStop, aw, ok := plainAfter(text, end, aHi, room, cond)
	if !ok {
		return p, false
	}
	if aw < aRoom {
		bRoom += aRoom - aw
		aRoom = aw
	}
	bStart, bw, ok := plainBefore(text, bLo, start, bRoom, cond)
	if !ok {
		return p, false
	}
	if bw < bRoom {
		aRoom += bRoom - bw
	}
	ew := cond.RuneWidth('…')
	from, to := bStart, aStop
	pre, post := bw > bRoom && bRoom >= ew, aw > aRoom && aRoom >= ew
	if bw > bRoom {
		if from, ok = plainCutBefore(text, bLo, start, max(0, bRoom-ew), cond); !ok {
			return p, false
		}
	}
	if aw > aRoom {
		if to, ok = plainCutAfter(text, end, aHi, max(0, aRoom-ew), cond); !ok {
			return p, false
		}
	}
	return plainSnippet{from, to, pre, post}, true
}

// plainWidth returns the width of s and whether s is plain text.
func plainWidth(cond *runewidth.Condition, s string) (int, bool) {
	w := 0
	for i := 0; i < len(s); {
		n, cw := plainRune(cond, s[i:])
		if n == 0 {
			return 0, false
		}
		w += cw
		i += n
	}
	return w, true
}

// plainRune returns the byte length and the width of the character s
// starts with when it is plain: printable ASCII but space, or a character
// of loneRuneLen. n is 0 for any other character.
func plainRune(cond *runewidth.Condition, s string) (n, w int) {
	if ideograph(s) {
		return 3, 2
	}
	if len(s) > 0 && s[0] > ' ' && s[0] < 0x7f {
		return 1, 1
	}
	return loneMark(cond, s)
}

// plainRuneBefore is plainRune for the character that ends at i.
func plainRuneBefore(cond *runewidth.Condition, s string, i int) (n, w int) {
	if i > 0 && s[i-1] > ' ' && s[i-1] < 0x7f {
		return 1, 1
	}
	if i >= 3 && ideograph(s[i-3:]) {
		return 3, 2
	}
	if i < 3 {
		return 0, 0
	}
	return loneMark(cond, s[i-3:i])
}

// ideograph reports whether s starts with an ideograph U+4E00–U+9FFF,
// 2 columns wide for any condition (TestIdeographWidth).
func ideograph(s string) bool {
	return len(s) >= 3 && s[0] >= 0xe4 && s[0] <= 0xe9 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80 && (s[0] != 0xe4 || s[1] >= 0xb8)
}

// loneMark is plainRune for the punctuation of loneRuneLen.
func loneMark(cond *runewidth.Condition, s string) (n, w int) {
	if loneRuneLen(s) == 0 {
		return 0, 0
	}
	return 3, cond.RuneWidth(rune(s[0]&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f))
}

// plainSpace returns the byte length of the white space character s
// starts with (space, tab, U+3000, NBSP: collapse makes each a space),
// or 0.
func plainSpace(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] == ' ' || s[0] == '\t':
		return 1
	case strings.HasPrefix(s, "\u00a0"):
		return 2
	case strings.HasPrefix(s, "\u3000"):
		return 3
	}
	return 0
}

// plainSpaceBefore is plainSpace for the character that ends at i.
func plainSpaceBefore(s string, i int) int {
	switch {
	case i == 0:
		return 0
	case s[i-1] == ' ' || s[i-1] == '\t':
		return 1
	case strings.HasSuffix(s[:i], "\u00a0"):
		return 2
	case strings.HasSuffix(s[:i], "\u3000"):
		return 3
	}
	return 0
}

// reachAfter returns how far after a match that ends at end
// snippetGeneral looks, at most: snippetReach bytes, to a character's
// start.
func reachAfter(text string, end int) int {
	hi := min(len(text), end+snippetReach)
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return hi
}

// reachBefore is reachAfter before a match that starts at start.
func reachBefore(text string, start int) int {
	lo := max(0, start-snippetReach)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	return lo
}

// plainAfter walks the text after a match that ends at end, as far as
// snippetGeneral would look at it, until it has seen more than limit
// columns. When the text it walks is plain, up to white space that runs
// to the line's end, ok is set and it returns where the text kept after
// the match ends (when it ends within limit columns) and its width, or
// any width above limit.
func plainAfter(text string, end, hi, limit int, cond *runewidth.Condition) (stop, w int, ok bool) {
	p := end
	for w <= limit {
		if p == hi || text[p] == '\n' {
			return p, w, true
		}
		if n, cw := plainRune(cond, text[p:hi]); n > 0 {
			w += cw
			p += n
			continue
		}
		if lineEnd(text, p, hi) {
			return p, w, true
		}
		return 0, 0, false
	}
	return p, w, true
}

// plainBefore is plainAfter for the text before a match that starts at
// start, walked backwards: it returns where the text kept before the
// match starts (when it starts within limit columns) and its width.
func plainBefore(text string, lo, start, limit int, cond *runewidth.Condition) (from, w int, ok bool) {
	p := start
	for w <= limit {
		if p == lo || text[p-1] == '\n' {
			return p, w, true
		}
		if n, cw := plainRuneBefore(cond, text[lo:], p-lo); n > 0 {
			w += cw
			p -= n
			continue
		}
		if lineStart(text, lo, p) {
			return p, w, true
		}
		return 0, 0, false
	}
	return p, w, true
}

// lineStart reports whether only white space comes before i on its line,
// from lo on; lineEnd, after i up to hi.
func lineStart(text string, lo, i int) bool {
	for n := plainSpaceBefore(text[lo:], i-lo); n > 0; n = plainSpaceBefore(text[lo:], i-lo) {
		i -= n
	}
	return i == lo || text[i-1] == '\n'
}

func lineEnd(text string, i, hi int) bool {
	for n := plainSpace(text[i:hi]); n > 0; n = plainSpace(text[i:hi]) {
		i += n
	}
	return i == hi || text[i] == '\n'
}
