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

// Breaks wraps one paragraph s into lines at most width display columns wide
// and returns the byte range of s shown on each line, in order. Widths below
// 1 count as 1. Break opportunities are those of UAX #14 adjusted to the
// Chinese rules of W3C clreq (see the package documentation). ASCII spaces,
// tabs and U+200B are left out of the ranges at either end of a line. A
// cluster wider than the line gets a line of its own: the only case in which
// a line is wider than width. An empty or blank s gives one empty range.
func Breaks(s string, width int, cond *runewidth.Condition) [][2]int {
	var l Liner
	var dst [][2]int
	l.Reset(s, width, cond)
	for {
		a, e, ok := l.Next()
		if !ok {
			return dst
		}
		dst = append(dst, [2]int{a, e})
	}
}

// Liner yields the lines of one paragraph one at a time, as Breaks would
// return them, holding only the clusters of the line being built: the
// memory it takes does not grow with the paragraph, however long it is
// (a run of spaces inside a line aside). Its zero value is ready for Reset;
// the scratch memory is kept from one paragraph to the next.
type Liner struct {
	s     string
	width int
	cond  *runewidth.Condition

	// the segmenter: clusters of s are appended to segs as they are needed
	gstate, pos    int
	rest           string
	lstate, lend   int
	lrest          string
	lmust, done    bool
	lastNS         seg // last non-space cluster so far
	hasNS, emitted bool

	segs []seg // the clusters from the start of the current line on
	i    int   // index in segs of the cluster the next line starts from
}

// Reset starts the lines of paragraph s at width columns (below 1 counts
// as 1), keeping the scratch memory.
func (l *Liner) Reset(s string, width int, cond *runewidth.Condition) {
	*l = Liner{s: s, width: max(1, width), cond: cond, gstate: -1, rest: s, lstate: -1, lrest: s, segs: l.segs[:0]}
	l.done = len(s) == 0
}

// Next returns the byte range in s of the next line, or ok false after the
// last one. An empty or blank paragraph has one empty line.
func (l *Liner) Next() (start, end int, ok bool) {
	for l.need(l.i) && l.segs[l.i].flags&fSpace != 0 {
		l.i++
	}
	if !l.need(l.i) {
		if l.emitted {
			return 0, 0, false
		}
		l.emitted = true
		return 0, 0, true
	}
	first, last, next := l.i, -1, -1
	w, can := 0, -1 // width so far; last cluster after which a break is allowed
	j := first
	for ; l.need(j); j++ {
		g := &l.segs[j]
		if j > first && g.flags&fSpace == 0 && w+g.width > l.width {
			if can >= first {
				last, next = can, can+1
			} else {
				next = forcedCut(l.segs, first, j)
				last = next - 1
			}
			break
		}
		w += g.width
		if g.brk == uniseg.LineMustBreak && !(l.done && j == len(l.segs)-1) {
			last, next = j, j+1
			break
		}
		if g.brk == uniseg.LineCanBreak {
			can = j
		}
	}
	if next < 0 { // the paragraph ended
		last, next = j-1, j
	}
	for last > first && l.segs[last].flags&fSpace != 0 {
		last--
	}
	start, end = l.segs[first].start, l.segs[last].end
	l.emitted = true
	// forget the clusters of this line (the last one is never dropped
	// while more may come: the next cluster settles its break)
	n := copy(l.segs, l.segs[next:])
	l.segs = l.segs[:n]
	l.i = 0
	return start, end, true
}

// need segments s until cluster j is known and its break decision final
// (cluster j+1 is known too, or s has ended); it reports whether j exists.
func (l *Liner) need(j int) bool {
	for len(l.segs) <= j+1 && !l.done {
		l.step()
	}
	return j < len(l.segs)
}

// step appends the next grapheme cluster of s to segs, with its width,
// flags and break decision, and settles the decision after the one
// before it. Clusters come from one uniseg pass and break opportunities
// from another (cheaper than uniseg.Step, which also finds word and
// sentence boundaries); an opportunity that UAX #14 would place inside a
// cluster is ignored.
func (l *Liner) step() {
	var c string
	c, l.rest, _, l.gstate = uniseg.FirstGraphemeClusterInString(l.rest, l.gstate)
	end := l.pos + len(c)
	for l.lend < end && len(l.lrest) > 0 {
		var ls string
		ls, l.lrest, l.lmust, l.lstate = uniseg.FirstLineSegmentInString(l.lrest, l.lstate)
		l.lend += len(ls)
	}
	g := seg{start: l.pos, end: end, brk: uniseg.LineDontBreak}
	if l.lend == end {
		g.brk = uniseg.LineCanBreak
		if l.lmust {
			g.brk = uniseg.LineMustBreak
		}
	}
	r, size := rune(c[0]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(c)
	}
	g.r, g.flags, g.width = r, classify(r), clusterWidth(c, r, size, l.cond)
	if size != len(c) && c != "\r\n" {
		g.flags &^= fSpace // a space carrying a combining mark is shown
	}
	if n := len(l.segs); n > 0 {
		var ns *seg
		if l.hasNS {
			ns = &l.lastNS
		}
		settle(&l.segs[n-1], &g, ns)
	}
	if g.flags&fSpace == 0 {
		l.lastNS, l.hasNS = g, true
	}
	l.segs = append(l.segs, g)
	l.pos = end
	l.done = len(l.rest) == 0
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

// settle fixes the break decision after cluster x, now that the next
// cluster y is known. ns is the last non-space cluster up to x (nil if none).
func settle(x, y, ns *seg) {
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
		(ns != nil && y.flags&fSpace == 0 && badCut(ns, y)) {
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
