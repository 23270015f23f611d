package reader

import (
	"sort"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// asyncLayout is the size above which a document is laid out by a command,
// so that opening or resizing a huge article never freezes the screen.
const asyncLayout = 256 << 10

// document is a text laid out for one width: the cleaned article or its raw
// source. Lines keep their offset in flat, so search matches map to rows.
type document struct {
	loaded  bool
	raw     bool
	blocks  []loader.Block
	flat    string
	lines   []wrap.Line
	starts  []int // starts[i]: flat offset where line i begins (monotonic)
	ends    []int // ends[i]: flat offset where line i ends (monotonic)
	width   int   // the width lines were laid out for
	pending int   // the width a layout command is working on (0: none)
}

// laidOutMsg is the answer of a layout command.
type laidOutMsg struct {
	rel   string
	raw   bool
	width int
	lines []wrap.Line
}

func newDocument(blocks []loader.Block, raw bool) document {
	flat, _ := loader.Flatten(blocks)
	return document{loaded: true, raw: raw, blocks: blocks, flat: flat}
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
	return newDocument(blocks, true)
}

// layout lays blocks out for width columns: the cleaned article with a
// blank line between blocks, the raw source line by line.
func layout(blocks []loader.Block, raw bool, width int, cond *runewidth.Condition) []wrap.Line {
	if !raw {
		return wrap.Wrap(blocks, width, cond)
	}
	lines := make([]wrap.Line, 0, len(blocks))
	off := 0
	for _, b := range blocks {
		if b.Text == "" {
			lines = append(lines, wrap.Line{Text: "", Off: off, Kind: b.Kind})
		}
		for _, r := range wrap.Breaks(b.Text, width, cond) {
			lines = append(lines, wrap.Line{Text: b.Text[r[0]:r[1]], Off: off + r[0], Kind: b.Kind})
		}
		off += len(b.Text) + 1
	}
	return lines
}

// relayout lays the document out for width: at once when it is small, by
// a command when it is large (the old lines stay on screen meanwhile).
func (d *document) relayout(rel string, width int, cond *runewidth.Condition) tea.Cmd {
	if !d.loaded || (d.width == width && d.lines != nil) || d.pending == width {
		return nil
	}
	if len(d.flat) < asyncLayout {
		d.setLines(width, layout(d.blocks, d.raw, width, cond))
		return nil
	}
	d.pending = width
	blocks, raw := d.blocks, d.raw
	return func() tea.Msg {
		return laidOutMsg{rel: rel, raw: raw, width: width, lines: layout(blocks, raw, width, cond)}
	}
}

func (d *document) setLines(width int, lines []wrap.Line) {
	d.width, d.pending, d.lines = width, 0, lines
	d.starts = make([]int, len(lines))
	d.ends = make([]int, len(lines))
	end := 0
	for i, l := range lines {
		if l.Off >= 0 {
			d.starts[i] = l.Off
			end = l.Off + len(l.Text)
		} else {
			d.starts[i] = end
		}
		d.ends[i] = end
	}
}

// offsetOf is the flat offset of line i (0 when there are no lines).
func (d *document) offsetOf(i int) int {
	if len(d.starts) == 0 {
		return 0
	}
	return d.starts[max(0, min(i, len(d.starts)-1))]
}

// lineAt is the line that holds flat offset off.
func (d *document) lineAt(off int) int {
	i := sort.Search(len(d.ends), func(i int) bool { return d.ends[i] > off })
	return max(0, min(i, len(d.lines)-1))
}
