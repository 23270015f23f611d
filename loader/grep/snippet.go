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
	lo := max(0, start-snippetReach)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	if i := strings.LastIndexByte(text[lo:start], '\n'); i >= 0 {
		lo += i + 1
	}
	hi := min(len(text), end+snippetReach)
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
		return cond.Truncate(mid, width, "")
	}
	room := width - mw
	bRoom := room / 3
	aRoom := room - bRoom
	bw, aw := cond.StringWidth(before), cond.StringWidth(after)
	if aw < aRoom {
		bRoom += aRoom - aw
		aRoom = aw
	}
	if bw < bRoom {
		aRoom += bRoom - bw
	}
	before = strings.TrimLeft(cond.TruncatePrefix(before, bRoom, ""), " ")
	after = cond.Truncate(after, aRoom, "")
	return before + mid + after
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
