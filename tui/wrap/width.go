package wrap

import (
	"strings"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// ellipsis marks a cut made by Truncate and Fit.
const ellipsis = "…"

// Width is the display width of s: the sum of the widths of its grapheme
// clusters as cond measures them, the same measure Breaks and Wrap use.
func Width(s string, cond *runewidth.Condition) int {
	w, ascii := 0, true
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			ascii = false
			break
		}
		if b >= ' ' && b < 0x7f {
			w++
		}
	}
	if ascii {
		return w
	}
	if w, ok := simpleWidth(s, cond); ok {
		return w
	}
	w = 0
	for state := -1; len(s) > 0; {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		w += width1(c, cond)
	}
	return w
}

// width1 is the display width of the grapheme cluster c.
func width1(c string, cond *runewidth.Condition) int {
	r, size := rune(c[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(c)
	}
	return clusterWidth(c, r, size, cond)
}

// Truncate returns s if it is at most width columns wide, and otherwise its
// longest prefix of whole grapheme clusters that, followed by "…", fits in
// width columns. If "…" alone is wider than width (width 1 and "…" two
// columns wide under cond), the cut is made without it. The result is never
// wider than width; widths below 1 give "".
func Truncate(s string, width int, cond *runewidth.Condition) string {
	t, _ := truncate(s, width, cond)
	return t
}

// Fit is Truncate followed by as many spaces as it takes to make the result
// exactly width columns wide (when a wide character does not fit before the
// cut, a space takes its place). Widths below 1 give "".
func Fit(s string, width int, cond *runewidth.Condition) string {
	t, w := truncate(s, width, cond)
	if w >= width {
		return t
	}
	return t + strings.Repeat(" ", width-w)
}

// truncate implements Truncate and also returns the width of its result.
func truncate(s string, width int, cond *runewidth.Condition) (string, int) {
	if width < 1 {
		return "", 0
	}
	tail := cond.StringWidth(ellipsis)
	if tail > width {
		tail = 0
	}
	budget := width - tail
	cut, cutW := 0, 0 // longest prefix fitting budget, and its width
	total := 0
	if Simple(s) { // each rune is a cluster: no segmenting
		for pos, r := range s {
			if total += RuneWidth(r, cond); total > width {
				if tail == 0 {
					return s[:cut], cutW
				}
				return s[:cut] + ellipsis, cutW + tail
			}
			if total <= budget {
				cut, cutW = pos+utf8.RuneLen(r), total
			}
		}
		return s, total
	}
	for state, rest, pos := -1, s, 0; len(rest) > 0; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		total += width1(c, cond)
		if total > width {
			if tail == 0 {
				return s[:cut], cutW
			}
			return s[:cut] + ellipsis, cutW + tail
		}
		pos += len(c)
		if total <= budget {
			cut, cutW = pos, total
		}
	}
	return s, total
}

// TruncateLeft is Truncate from the other end: s if it fits in width
// columns, and otherwise "…" followed by the longest suffix of whole grapheme
// clusters that fits after it, so the end of a long path stays readable.
func TruncateLeft(s string, width int, cond *runewidth.Condition) string {
	if width < 1 {
		return ""
	}
	if Width(s, cond) <= width {
		return s
	}
	tail := cond.StringWidth(ellipsis)
	if tail > width {
		tail = 0
	}
	var starts []int // byte offset of each cluster
	var widths []int
	for state, rest, pos := -1, s, 0; len(rest) > 0; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		starts = append(starts, pos)
		widths = append(widths, width1(c, cond))
		pos += len(c)
	}
	cut, w := len(s), 0
	for i := len(starts) - 1; i >= 0 && w+widths[i] <= width-tail; i-- {
		w += widths[i]
		cut = starts[i]
	}
	if tail == 0 {
		return s[cut:]
	}
	return ellipsis + s[cut:]
}

// Simple reports whether every rune of s is one of the simple runes
// (see simple): each rune of s is then a grapheme cluster of its own, as
// wide as RuneWidth says.
func Simple(s string) bool {
	for _, r := range s {
		if !simple(r) {
			return false
		}
	}
	return true
}

// simpleWidth is Width for a text of simple runes, without segmenting it
// into grapheme clusters; ok is false for any other text.
func simpleWidth(s string, cond *runewidth.Condition) (w int, ok bool) {
	for _, r := range s {
		if !simple(r) {
			return 0, false
		}
		w += RuneWidth(r, cond)
	}
	return w, true
}

// RuneWidth is the width of the simple rune r as a cluster of its own,
// as clusterWidth measures it.
func RuneWidth(r rune, cond *runewidth.Condition) int {
	if r < utf8.RuneSelf {
		return 1
	}
	return cond.RuneWidth(r)
}

// simple reports whether r always makes a grapheme cluster of its own
// beside another simple rune: printable ASCII and the runes of Chinese
// text (ideographs, the ideographic space and punctuation, full-width
// forms, dashes, quotes and the ellipsis). None of them extends, joins or
// prefixes a cluster, nor pairs up as regional indicators or Hangul jamo
// do, so the text of a title or a line of an article is measured rune by
// rune, as uniseg would cluster by cluster (TestSimpleRunesStandAlone).
func simple(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= ' ' && r < 0x7f
	case r >= 0x4e00 && r <= 0x9fff, // CJK Unified Ideographs
		r >= 0x3400 && r <= 0x4dbf, // Extension A
		r >= 0x3000 && r <= 0x3029, // ideographic space, punctuation, brackets (not the tone marks after)
		r >= 0xff01 && r <= 0xff60, // full-width forms
		r >= 0x2010 && r <= 0x2027, // dashes, quotes, bullet, ellipsis
		r == 0xb7:                  // middle dot
		return true
	}
	return false
}
