package reader

import (
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// asyncLayout is the size from which a document is laid out lazily: the
// paragraphs on screen at once, the whole by a command, so that opening
// or resizing a huge article never freezes the screen.
const asyncLayout = 256 << 10

// margin is how many lines are laid out beyond the screen's edges.
const margin = 32

// document is a text laid out for one width: the cleaned article or its raw
// source. Its lines are those of the paragraphs [first, last): every one
// for a small document, or once the layout command has answered; around
// the screen otherwise. Line indices are relative to that window; the
// reading position is an offset into flat, which any layout maps to a line.
type document struct {
	loaded  bool
	raw     bool
	blocks  []loader.Block
	flat    string
	paras   []para
	lines   []span
	first   int // the paragraphs laid out: [first, last)
	last    int
	width   int  // the width lines were laid out for (0: none yet)
	pending int  // the width the layout command is working on (0: none)
	lazy    bool // laid out around the screen only, never whole (a first part)
	cond    *runewidth.Condition
	liner   *wrap.Liner
}

// laidOutMsg is the answer of a layout command: every line of a document.
type laidOutMsg struct {
	rel   string
	raw   bool
	width int
	lines []span
}

func newDocument(flat string, blocks []loader.Block, raw bool) document {
	return document{loaded: true, raw: raw, blocks: blocks, flat: flat, paras: splitParas(flat, blocks), liner: new(wrap.Liner)}
}

// newRawDocument makes the source view: one block per source line, laid
// out without blank lines between them.
func newRawDocument(text string) document {
	text = strings.ReplaceAll(text, "\t", "    ")
	parts := strings.Split(text, "\n")
	blocks := make([]loader.Block, len(parts))
	for i, p := range parts {
		blocks[i] = loader.Block{Kind: loader.Paragraph, Text: p}
	}
	return newDocument(text, blocks, true)
}

// full reports whether every paragraph is laid out.
func (d *document) full() bool { return d.first == 0 && d.last == len(d.paras) }

// relayout lays the document out for width, keeping flat offset off in
// view, and returns the line that holds it: the whole document at once
// when it is small; otherwise the paragraph around off, the rest of the
// whole by a command (see grow for what is laid out meanwhile), or for a
// lazy document only as the screen needs it.
func (d *document) relayout(rel string, width int, cond *runewidth.Condition, off int) (int, tea.Cmd) {
	if !d.loaded || d.width == width && d.cond == cond && d.lines != nil {
		return d.lineOf(off), nil
	}
	d.width, d.cond = width, cond
	if d.lazy {
		return d.openAt(off), nil
	}
	if len(d.flat) < asyncLayout {
		d.lines, d.first, d.last, d.pending = layAll(d.flat, d.paras, d.raw, width, cond), 0, len(d.paras), 0
		return d.lineAt(off), nil
	}
	line := d.openAt(off)
	d.pending = width
	flat, paras, raw := d.flat, d.paras, d.raw
	return line, func() tea.Msg {
		return laidOutMsg{rel: rel, raw: raw, width: width, lines: layAll(flat, paras, raw, width, cond)}
	}
}

// adopt takes the answer of a layout command, when it is for the current
// width, and returns the line that now holds flat offset off.
func (d *document) adopt(msg laidOutMsg, off int) (int, bool) {
	if msg.width != d.pending || msg.width != d.width {
		return 0, false
	}
	d.lines, d.first, d.last, d.pending = msg.lines, 0, len(d.paras), 0
	return d.lineAt(off), true
}

// paraAt is the paragraph that holds flat offset off.
func (d *document) paraAt(off int) int {
	i := sort.Search(len(d.paras), func(i int) bool { return int(d.paras[i].b) >= off })
	return min(i, len(d.paras)-1)
}

// openAt makes the window the paragraph that holds off alone and returns
// the line of off in it.
func (d *document) openAt(off int) int {
	if len(d.paras) == 0 {
		return 0
	}
	p := d.paraAt(off)
	d.lines = layPara(d.lines[:0:0], d.flat, d.paras, p, d.raw, d.width, d.cond, d.liner)
	d.first, d.last = p, p+1
	return d.lineAt(off)
}

// covers reports whether flat offset off is in the laid-out paragraphs.
func (d *document) covers(off int) bool {
	return d.lines != nil && (d.first == 0 || off >= int(d.paras[d.first].a)) &&
		(d.last == len(d.paras) || off < int(d.paras[d.last].a))
}

// lineOf is the line that holds flat offset off, laying out the paragraph
// around it first when it is outside the window (the window then moves:
// line indices taken before are void).
func (d *document) lineOf(off int) int {
	if d.covers(off) {
		return d.lineAt(off)
	}
	if d.width == 0 {
		return 0
	}
	return d.openAt(off)
}

// grow lays out more paragraphs so that the window holds margin lines
// beyond the h lines from top where the document has them, and returns by
// how much line indices moved (lines laid out before the window).
func (d *document) grow(top, h int) int {
	if d.width == 0 || d.full() {
		return 0
	}
	for d.last < len(d.paras) && len(d.lines) < top+h+margin {
		d.lines = layPara(d.lines, d.flat, d.paras, d.last, d.raw, d.width, d.cond, d.liner)
		d.last++
	}
	want := margin - top
	if want <= 0 || d.first == 0 {
		return 0
	}
	// lay out at least half the window again before it, so that scrolling
	// back through a huge article costs little per line
	want = max(want, len(d.lines)/2)
	old, n := d.first, 0
	for d.first > 0 && n < want {
		d.first--
		n += len(layPara(nil, d.flat, d.paras, d.first, d.raw, d.width, d.cond, d.liner))
	}
	// again in order, so that the pieces of a block go on each other's
	// lines (see layPara)
	var lines []span
	for i := d.first; i < old; i++ {
		lines = layPara(lines, d.flat, d.paras, i, d.raw, d.width, d.cond, d.liner)
	}
	n = len(lines)
	d.lines = append(lines, d.lines...)
	return n
}

// atEnd reports whether the window holds the document's last line.
func (d *document) atEnd() bool { return d.last == len(d.paras) }

// offsetOf is the flat offset of line i (0 when there are no lines).
func (d *document) offsetOf(i int) int {
	if len(d.lines) == 0 {
		return 0
	}
	return int(d.lines[max(0, min(i, len(d.lines)-1))].a)
}

// lineAt is the line of the window that holds flat offset off (a blank
// line holds its own offset, so a blank top line stays the top line).
func (d *document) lineAt(off int) int {
	i := sort.Search(len(d.lines), func(i int) bool {
		l := d.lines[i]
		return int(l.b) > off || int(l.b) == off && l.a == l.b
	})
	return max(0, min(i, len(d.lines)-1))
}

// text is what line l shows, and the kind of its block.
func (d *document) text(l span) (string, loader.BlockKind) {
	return d.flat[l.a:l.b], d.paras[l.p].kind
}
