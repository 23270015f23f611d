package grep

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
)

// SnippetWidth is the width, in terminal columns, of a snippet.
const SnippetWidth = 30

// snippetReach is how many bytes around a match are looked at: more than
// SnippetWidth columns of any text but combining marks.
const snippetReach = 512

// Snippet returns about width columns of the line of text around the match
// [start, end), whose ends lie on rune boundaries: on one line, sanitized, whitespace runs collapsed to one
// space, cut on grapheme cluster boundaries as measured by cond. About a
// third of the room left by the match goes before it, the rest after; room
// one side cannot use goes to the other. A match wider than width is cut.
func Snippet(text string, start, end int, cond *runewidth.Condition, width int) string {
	// Most snippets are made from far less text than snippetReach: a
	// window of quickReach bytes gives the same snippet when the text it
	// leaves out could not have changed it (see snippetIn).
	if s, ok := snippetIn(text, start, end, cond, width, quickReach); ok {
		return s
	}
	s, _ := snippetIn(text, start, end, cond, width, snippetReach)
	return s
}

// quickReach is the reach tried first: 32 ideographs, or 96 letters.
const quickReach = 96

// snippetIn is Snippet looking at reach bytes around the match. ok reports
// whether the text beyond cannot change the snippet: on either side, the
// window stops at a line's end, or cuts between two characters that are
// neither white space nor able to join a cluster (printable ASCII,
// ideographs) and leaves more than enough to fill the snippet.
func snippetIn(text string, start, end int, cond *runewidth.Condition, width, reach int) (string, bool) {
	lo := max(0, start-reach)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	if i := strings.LastIndexByte(text[lo:start], '\n'); i >= 0 {
		lo += i + 1
	}
	hi := min(len(text), end+reach)
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	if i := strings.IndexByte(text[end:hi], '\n'); i >= 0 {
		hi = end + i
	}
	before := strings.TrimLeft(collapse(text[lo:start]), " ")
	mid := collapse(text[start:end])
	after := strings.TrimRight(collapse(text[end:hi]), " ")
	if strings.HasSuffix(before, " ") && strings.HasPrefix(mid, " ") {
		before = before[:len(before)-1]
	}
	if (strings.HasSuffix(mid, " ") || mid == "" && strings.HasSuffix(before, " ")) && strings.HasPrefix(after, " ") {
		after = after[1:]
	}

	mw := cond.StringWidth(mid)
	if mw >= width {
		return cond.Truncate(mid, width, ""), true
	}
	room := width - mw
	bRoom := room / 3
	aRoom := room - bRoom
	bw, aw := cond.StringWidth(before), cond.StringWidth(after)
	ok := (lo == 0 || text[lo-1] == '\n' || bw > width+1 && simpleCut(text, lo)) &&
		(hi == len(text) || text[hi] == '\n' || aw > width+1 && simpleCut(text, hi))
	if aw < aRoom {
		bRoom += aRoom - aw
		aRoom = aw
	}
	if bw < bRoom {
		aRoom += bRoom - bw
	}
	before = strings.TrimLeft(cond.TruncatePrefix(before, bRoom, ""), " ")
	after = cond.Truncate(after, aRoom, "")
	return before + mid + after, ok
}

// simpleCut reports whether the characters on both sides of byte i are
// printable ASCII other than space, CJK ideographs or the usual
// punctuation of Chinese text: cutting text there changes neither a run
// of white space nor a grapheme cluster (none of them is white space, or
// joins a cluster, or takes a mark that is not itself one of them).
func simpleCut(text string, i int) bool {
	simple := func(r rune) bool {
		return r > ' ' && r < 0x7f || r >= 0x4e00 && r <= 0x9fff ||
			r >= 0x3001 && r <= 0x3029 || r >= 0x3030 && r <= 0x303f || // CJK punctuation, not U+3000 nor the tone marks
			r >= 0xff01 && r <= 0xff5e || // full-width forms
			r >= 0x2010 && r <= 0x2027 // dashes, quotation marks, …
	}
	r1, _ := utf8.DecodeLastRuneInString(text[:i])
	r2, _ := utf8.DecodeRuneInString(text[i:])
	return simple(r1) && simple(r2)
}

// collapse sanitizes s for one line and turns every run of white space
// (U+3000 and NBSP included) into one ASCII space.
func collapse(s string) string {
	s = loader.SanitizeLine(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
