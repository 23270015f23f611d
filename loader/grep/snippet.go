package grep

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"newsbrowse/loader"
)

// SnippetWidth is the width, in terminal columns, of a snippet.
const SnippetWidth = 30

// snippetReach is how many bytes around a match are looked at: more than
// SnippetWidth columns of any text but combining marks.
const snippetReach = 512

// Snippet returns about width columns of the line of text around the match
// [start, end), whose ends lie on rune boundaries (see SnippetSpan).
func Snippet(text string, start, end int, cond *runewidth.Condition, width int) string {
	s, _, _ := SnippetSpan(text, start, end, cond, width)
	return s
}

// ellipsis marks where a snippet was cut.
const ellipsis = "…"

// SnippetSpan returns at most width columns of the line of text around the
// match [start, end), whose ends lie on rune boundaries, and the byte range
// of the match in it: on one line, sanitized, whitespace runs collapsed to
// one space. Where the line is cut, the cut falls between words (UAX #29:
// every ideograph is a word of its own; a Latin word is kept whole unless
// it alone is wider than the room, then it is cut between grapheme
// clusters) and "…" stands for what was cut. About a third of the room
// left by the match goes before it, the rest after; room one side cannot
// use goes to the other. A match wider than width is cut, with "…".
func SnippetSpan(text string, start, end int, cond *runewidth.Condition, width int) (snip string, ms, me int) {
	if s, ms, me, ok := snippetPlain(text, start, end, cond, width); ok {
		return s, ms, me
	}
	return snippetGeneral(text, start, end, cond, width)
}

// snippetGeneral is SnippetSpan for any text.
func snippetGeneral(text string, start, end int, cond *runewidth.Condition, width int) (snip string, ms, me int) {
	// Most snippets are made from far less text than snippetReach: a
	// window of quickReach bytes gives the same snippet when the text it
	// leaves out could not have changed it (see snippetIn).
	if s, ms, me, ok := snippetIn(text, start, end, cond, width, quickReach); ok {
		return s, ms, me
	}
	s, ms, me, _ := snippetIn(text, start, end, cond, width, snippetReach)
	return s, ms, me
}

// quickReach is the reach tried first: 32 ideographs, or 96 letters.
const quickReach = 96

// snippetIn is SnippetSpan looking at reach bytes around the match. ok
// reports whether the text beyond cannot change the snippet: on either
// side, the window stops at a line's end, or cuts between two characters
// that are neither white space nor able to join a cluster (printable
// ASCII, ideographs) and leaves more than enough to fill the snippet (so
// the side is cut, with "…", in the window as in the whole line, and the
// word at the window's edge is never reached).
func snippetIn(text string, start, end int, cond *runewidth.Condition, width, reach int) (snip string, ms, me int, ok bool) {
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

	ew := cond.StringWidth(ellipsis)
	mw := textWidth(cond, mid)
	if mw > width {
		mid = cutEnd(mid, max(0, width-ew), cond, false) + ellipsis
		return mid, 0, len(mid), true
	}
	if mw == width {
		return mid, 0, len(mid), true
	}
	room := width - mw
	bRoom := room / 3
	aRoom := room - bRoom
	bw, aw := textWidth(cond, before), textWidth(cond, after)
	ok = (lo == 0 || text[lo-1] == '\n' || bw > width+1 && simpleCut(text, lo)) &&
		(hi == len(text) || text[hi] == '\n' || aw > width+1 && simpleCut(text, hi))
	if aw < aRoom {
		bRoom += aRoom - aw
		aRoom = aw
	}
	if bw < bRoom {
		aRoom += bRoom - bw
	}
	if bw > bRoom {
		before = strings.TrimLeft(cutStart(before, max(0, bRoom-ew), cond), " ")
		if bRoom >= ew {
			before = ellipsis + before
		}
	}
	if aw > aRoom { // after is unchanged since aw was measured
		after = strings.TrimRight(cutEnd(after, max(0, aRoom-ew), cond, true), " ")
		if aRoom >= ew {
			after += ellipsis
		}
	}
	return before + mid + after, len(before), len(before) + len(mid), ok
}

// cutEndSegmented is cutEnd for any text: it returns the longest start of s at most w columns wide that ends
// between two words, or, when words is false or the first word alone is
// wider, between two grapheme clusters.
func cutEndSegmented(s string, w int, cond *runewidth.Condition, words bool) string {
	used, cut := 0, 0
	if words {
		state := -1
		for rest := s; rest != ""; {
			var word string
			word, rest, state = uniseg.FirstWordInString(rest, state)
			ww := cond.StringWidth(word)
			if used+ww > w {
				break
			}
			used += ww
			cut += len(word)
		}
		if cut > 0 || s == "" {
			return s[:cut]
		}
	}
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		gw := cond.StringWidth(g.Str())
		if used+gw > w {
			break
		}
		used += gw
		_, cut = g.Positions()
	}
	return s[:cut]
}

// cutStartSegmented is cutStart for any text: it returns the longest end of s at most w columns wide that starts
// between two words, or, when the last word alone is wider, between two
// grapheme clusters.
func cutStartSegmented(s string, w int, cond *runewidth.Condition) string {
	var starts, widths []int
	state := -1
	for pos, rest := 0, s; rest != ""; {
		var word string
		word, rest, state = uniseg.FirstWordInString(rest, state)
		starts = append(starts, pos)
		widths = append(widths, cond.StringWidth(word))
		pos += len(word)
	}
	used, cut := 0, len(s)
	for i := len(starts) - 1; i >= 0 && used+widths[i] <= w; i-- {
		used += widths[i]
		cut = starts[i]
	}
	if cut < len(s) || s == "" {
		return s[cut:]
	}
	// the last word alone is too wide: keep its last grapheme clusters
	var gs []int
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		from, _ := g.Positions()
		gs = append(gs, from)
	}
	for i := len(gs) - 1; i >= 0; i-- {
		end := len(s)
		if i+1 < len(gs) {
			end = gs[i+1]
		}
		gw := cond.StringWidth(s[gs[i]:end])
		if used+gw > w {
			break
		}
		used += gw
		cut = gs[i]
	}
	return s[cut:]
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

// collapseRunes is collapse for any text: it sanitizes s for one line and turns every run of white space
// (U+3000 and NBSP included) into one ASCII space.
func collapseRunes(s string) string {
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
