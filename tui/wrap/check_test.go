package wrap

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"

	"newsbrowse/loader"
)

// flatten joins the block texts with "\n", as the document's flat text.
func flatten(blocks []loader.Block) string {
	texts := make([]string, len(blocks))
	for i, b := range blocks {
		texts[i] = b.Text
	}
	return strings.Join(texts, "\n")
}

// dropped reports whether s holds only what may be left out at a break.
func dropped(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' && r != '\u200b' {
			return false
		}
	}
	return true
}

// clusters returns the non-space grapheme clusters of s as segs.
func clusters(s string) []seg {
	var out []seg
	for state := -1; len(s) > 0; {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		r, size := utf8.DecodeRuneInString(c)
		if g := (seg{r: r, flags: classify(r)}); g.flags&fSpace == 0 || size != len(c) {
			out = append(out, g)
		}
	}
	return out
}

// edgeClusters returns the first and the last grapheme cluster of s.
func edgeClusters(s string) (first, last string) {
	for state := -1; len(s) > 0; {
		last, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if first == "" {
			first = last
		}
	}
	return first, last
}

// checkWrap asserts the properties every result of Wrap has: one separator
// between blocks, lines of each block in order, each Text the substring of
// the flat text at Off, and the properties of checkParagraph.
func checkWrap(t *testing.T, blocks []loader.Block, width int, cond *runewidth.Condition, lines []Line) {
	t.Helper()
	flat := flatten(blocks)
	li, off := 0, 0
	for bi, blk := range blocks {
		if bi > 0 {
			if li >= len(lines) || lines[li] != (Line{Off: -1, Kind: blocks[bi-1].Kind}) {
				t.Fatalf("no separator line before block %d (line %d)", bi, li)
			}
			li++
		}
		var ranges [][2]int
		for ; li < len(lines) && lines[li].Off >= 0; li++ {
			ln := lines[li]
			end := ln.Off + len(ln.Text)
			if ln.Kind != blk.Kind {
				t.Errorf("line %d: kind %v, block %d has %v", li, ln.Kind, bi, blk.Kind)
			}
			if ln.Off < off || end > off+len(blk.Text) {
				t.Fatalf("line %d %q at [%d,%d) is outside block %d at [%d,%d)", li, ln.Text, ln.Off, end, bi, off, off+len(blk.Text))
			}
			if flat[ln.Off:end] != ln.Text {
				t.Fatalf("line %d: Text %q but flat text at %d is %q", li, ln.Text, ln.Off, flat[ln.Off:end])
			}
			ranges = append(ranges, [2]int{ln.Off - off, end - off})
		}
		checkParagraph(t, blk.Text, width, cond, ranges)
		off += len(blk.Text) + 1
	}
	if li != len(lines) {
		t.Fatalf("%d lines after the last block", len(lines)-li)
	}
}

// checkParagraph asserts the properties of the line ranges of paragraph s
// wrapped at width (s holds no hard line break):
//   - there is at least one line; a line is empty only when s is blank;
//   - ranges are in order, do not overlap, and what lies between them is
//     only spaces, tabs and U+200B (no text is lost); no line starts or
//     ends with one of those;
//   - each line is valid UTF-8 (when s is) and at most width columns wide,
//     or a single grapheme cluster (the only allowed overflow);
//   - see checkCut for the line-breaking rules.
func checkParagraph(t *testing.T, s string, width int, cond *runewidth.Condition, ranges [][2]int) {
	t.Helper()
	w := max(width, 1)
	if len(ranges) == 0 {
		t.Fatalf("paragraph %q has no line", s)
	}
	pos := 0
	for i, r := range ranges {
		if r[0] < pos || r[1] < r[0] || r[1] > len(s) {
			t.Fatalf("line %d: range %v out of order (previous ends at %d) or outside %d bytes", i, r, pos, len(s))
		}
		text := s[r[0]:r[1]]
		if gap := s[pos:r[0]]; !dropped(gap) {
			t.Errorf("line %d: text %q before it is lost", i, gap)
		}
		if text == "" {
			if len(ranges) != 1 || !dropped(s) {
				t.Errorf("line %d is empty in %q", i, s)
			}
		} else {
			first, last := edgeClusters(text)
			if dropped(first) || dropped(last) {
				t.Errorf("line %d %q starts or ends with a space", i, text)
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(text) {
			t.Errorf("line %d %q is not valid UTF-8", i, text)
		}
		if Width(text, cond) > w && uniseg.GraphemeClusterCount(text) > 1 {
			t.Errorf("line %d %q is %d columns wide, more than %d", i, text, Width(text, cond), w)
		}
		if i > 0 {
			checkCut(t, s, ranges[i-1], r, w, cond)
		}
		pos = r[1]
	}
	if !dropped(s[pos:]) {
		t.Errorf("text %q after the last line is lost", s[pos:])
	}
}

// checkCut asserts the line-breaking rules at the cut between lines p and
// q of s. A cut is forbidden when q starts with a mark that must not start a
// line (closing punctuation, ·, small kana, ー), p ends with one that must
// not end a line (opening punctuation) or the cut splits …… or ——. Such a
// cut is allowed only when no other cut could have been made: p together
// with the first cluster of q is wider than the line, and every cut between
// the non-space clusters of p is forbidden too.
func checkCut(t *testing.T, s string, p, q [2]int, width int, cond *runewidth.Condition) {
	t.Helper()
	ps, qs := clusters(s[p[0]:p[1]]), clusters(s[q[0]:q[1]])
	if len(ps) == 0 || len(qs) == 0 || !badCut(&ps[len(ps)-1], &qs[0]) {
		return
	}
	y, _, _, _ := uniseg.FirstGraphemeClusterInString(s[q[0]:q[1]], -1)
	if wd := Width(s[p[0]:q[0]+len(y)], cond); wd <= width {
		t.Errorf("forbidden cut between %q and %q although %d columns fit in %d", s[p[0]:p[1]], s[q[0]:q[1]], wd, width)
	}
	for k := 0; k+1 < len(ps); k++ {
		if !badCut(&ps[k], &ps[k+1]) {
			t.Errorf("forbidden cut between %q and %q although %q could end the line", s[p[0]:p[1]], s[q[0]:q[1]], string(ps[k].r))
		}
	}
}
