package wrap

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// The breaker as it was before Liner: it segments the whole paragraph
// first. Liner must give the same lines.

type oldBreaker struct{ segs []seg }

func oldBreaks(s string, width int, cond *runewidth.Condition) [][2]int {
	var b oldBreaker
	return b.appendBreaks(nil, s, width, cond)
}

// appendBreaks appends the line ranges of s to dst.
func (b *oldBreaker) appendBreaks(dst [][2]int, s string, width int, cond *runewidth.Condition) [][2]int {
	if width < 1 {
		width = 1
	}
	segs := b.segment(s, cond)
	n0 := len(dst)
	n := len(segs)
	for i := 0; ; {
		for i < n && segs[i].flags&fSpace != 0 {
			i++
		}
		if i >= n {
			break
		}
		start, end, next := i, n-1, n
		w, last := 0, -1 // width so far; last cluster after which a break is allowed
		for j := start; j < n; j++ {
			g := &segs[j]
			if j > start && g.flags&fSpace == 0 && w+g.width > width {
				if last >= start {
					end, next = last, last+1
				} else {
					next = oldForcedCut(segs, start, j)
					end = next - 1
				}
				break
			}
			w += g.width
			if g.brk == uniseg.LineMustBreak && j < n-1 {
				end, next = j, j+1
				break
			}
			if g.brk == uniseg.LineCanBreak {
				last = j
			}
		}
		for end > start && segs[end].flags&fSpace != 0 {
			end--
		}
		dst = append(dst, [2]int{segs[start].start, segs[end].end})
		i = next
	}
	if len(dst) == n0 {
		dst = append(dst, [2]int{0, 0})
	}
	return dst
}

// forcedCut is used when the clusters start..j-1 fill the line, j does not fit
// and UAX #14 allows no break among them: an unbreakable run longer than the
// line. It returns the cluster that starts the next line: the last one
// that lets the line end and the next start without breaking the clreq rules
// (push-out), or j when no such place exists (so that every line keeps at
// least one cluster and the wrapping terminates).
func oldForcedCut(segs []seg, start, j int) int {
	y := j // first non-space cluster after the candidate line end k
	for k := j - 1; k >= start; k-- {
		if segs[k].flags&fSpace != 0 {
			continue
		}
		if !badCut(&segs[k], &segs[y]) {
			return y
		}
		y = k
	}
	return j
}

// segment splits s into grapheme clusters with their widths, flags and final
// break decisions, reusing b's scratch slice. Clusters come from one uniseg
// pass and break opportunities from another (cheaper than uniseg.Step, which
// also finds word and sentence boundaries); an opportunity that UAX #14
// would place inside a cluster is ignored.
func (b *oldBreaker) segment(s string, cond *runewidth.Condition) []seg {
	segs := b.segs[:0]
	gstate, rest, pos := -1, s, 0
	lstate, lrest, lend, lmust := -1, s, 0, false // next line-break opportunity at lend
	lastNS := -1                                  // last non-space cluster
	for len(rest) > 0 {
		var c string
		c, rest, _, gstate = uniseg.FirstGraphemeClusterInString(rest, gstate)
		end := pos + len(c)
		for lend < end && len(lrest) > 0 {
			var l string
			l, lrest, lmust, lstate = uniseg.FirstLineSegmentInString(lrest, lstate)
			lend += len(l)
		}
		g := seg{start: pos, end: end, brk: uniseg.LineDontBreak}
		if lend == end {
			g.brk = uniseg.LineCanBreak
			if lmust {
				g.brk = uniseg.LineMustBreak
			}
		}
		r, size := rune(c[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(c)
		}
		g.r, g.flags, g.width = r, classify(r), clusterWidth(c, r, size, cond)
		if size != len(c) && c != "\r\n" {
			g.flags &^= fSpace // a space carrying a combining mark is shown
		}
		if n := len(segs); n > 0 {
			oldSettle(segs, n-1, &g, lastNS)
		}
		if g.flags&fSpace == 0 {
			lastNS = len(segs)
		}
		segs = append(segs, g)
		pos = end
	}
	b.segs = segs
	return segs
}

// settle fixes the break decision after segs[i], now that the next cluster y
// is known. lastNS is the last non-space cluster up to i (-1 if none).
func oldSettle(segs []seg, i int, y *seg, lastNS int) {
	x := &segs[i]
	switch x.brk {
	case uniseg.LineMustBreak:
		return
	case uniseg.LineDontBreak:
		if x.flags&fSpace == 0 && quoteBreak(x, y) {
			x.brk = uniseg.LineCanBreak
		} else {
			return
		}
	}
	// A break UAX #14 allows may still be forbidden here.
	if x.flags&y.flags&fASCII != 0 ||
		(lastNS >= 0 && y.flags&fSpace == 0 && badCut(&segs[lastNS], y)) {
		x.brk = uniseg.LineDontBreak
	}
}

// sameBreaks checks that Breaks (through Liner) and the whole-paragraph
// breaker agree on s.
func sameBreaks(t *testing.T, s string, width int, cond *runewidth.Condition) {
	t.Helper()
	got, want := Breaks(s, width, cond), oldBreaks(s, width, cond)
	if len(got) != len(want) {
		t.Fatalf("width %d, %q: %d lines, want %d\n got %v\nwant %v", width, s, len(got), len(want), got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("width %d, %q: line %d is %v, want %v", width, s, i, got[i], want[i])
		}
	}
}

func TestLinerSameAsWholeParagraph(t *testing.T) {
	extra := []string{
		"", " ", "   a   b   ", strings.Repeat("a", 500), strings.Repeat("中", 300),
		strings.Repeat("“好”，", 50), strings.Repeat("……——", 40), "a" + strings.Repeat(" ", 300) + "b",
		strings.Repeat("（（（（", 30) + "字", strings.Repeat("https://example.org/", 20),
	}
	for _, c := range allBreakCases() {
		extra = append(extra, c.in)
	}
	for _, s := range extra {
		for _, w := range []int{-1, 1, 2, 3, 5, 8, 13, 40, 80} {
			sameBreaks(t, s, w, narrow)
			sameBreaks(t, s, w, wide)
		}
	}
}

func FuzzLiner(f *testing.F) {
	for _, c := range allBreakCases() {
		f.Add(c.in, c.width, false)
	}
	f.Fuzz(func(t *testing.T, s string, width int, ea bool) {
		if len(s) > 1<<12 {
			return
		}
		cond := narrow
		if ea {
			cond = wide
		}
		sameBreaks(t, strings.ToValidUTF8(s, "\uFFFD"), width%100, cond)
	})
}

// TestLinerMemory checks that the clusters kept do not grow with the
// paragraph: a word of a million letters keeps about one line of them.
func TestLinerMemory(t *testing.T) {
	var l Liner
	l.Reset(strings.Repeat("a", 1<<20), 80, narrow)
	lines, most := 0, 0
	for {
		_, _, ok := l.Next()
		if !ok {
			break
		}
		lines++
		most = max(most, cap(l.segs))
	}
	if lines != (1<<20+79)/80 {
		t.Errorf("%d lines", lines)
	}
	if most > 1024 {
		t.Errorf("kept room for %d clusters, want about one line's", most)
	}
}
