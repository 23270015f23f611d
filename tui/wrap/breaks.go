package wrap

import (
	"unicode/utf8"

	"github.com/mattn/go-runewidth"
	"github.com/rivo/uniseg"
)

// seg is one grapheme cluster of the paragraph being wrapped.
type seg struct {
	start, end int  // byte range in the paragraph
	r          rune // first rune
	width      int  // display columns
	flags      uint8
	brk        uint8 // uniseg.LineDontBreak, LineCanBreak or LineMustBreak after the cluster
}

// breaker keeps the scratch memory reused across the paragraphs of a document.
type breaker struct {
	segs []seg
}

// Breaks wraps one paragraph s into lines at most width display columns wide
// and returns the byte range of s shown on each line, in order. Widths below
// 1 count as 1. Break opportunities are those of UAX #14 adjusted to the
// Chinese rules of W3C clreq (see the package documentation). ASCII spaces,
// tabs and U+200B are left out of the ranges at either end of a line. A
// cluster wider than the line gets a line of its own: the only case in which
// a line is wider than width. An empty or blank s gives one empty range.
func Breaks(s string, width int, cond *runewidth.Condition) [][2]int {
	var b breaker
	return b.appendBreaks(nil, s, width, cond)
}

// appendBreaks appends the line ranges of s to dst.
func (b *breaker) appendBreaks(dst [][2]int, s string, width int, cond *runewidth.Condition) [][2]int {
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
					next = forcedCut(segs, start, j)
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
func forcedCut(segs []seg, start, j int) int {
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
func (b *breaker) segment(s string, cond *runewidth.Condition) []seg {
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
			settle(segs, n-1, &g, lastNS)
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
func settle(segs []seg, i int, y *seg, lastNS int) {
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

// clusterWidth is the display width of cluster c, whose first rune r is
// size bytes long.
func clusterWidth(c string, r rune, size int, cond *runewidth.Condition) int {
	if size == len(c) {
		if r >= ' ' && r < 0x7f {
			return 1
		}
		return cond.RuneWidth(r)
	}
	return cond.StringWidth(c)
}
