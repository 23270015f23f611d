package reader

import (
	"sort"
	"strings"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// document is a text laid out for one width: the cleaned article or its raw
// source. Lines keep their offset in flat, so search matches map to rows.
type document struct {
	loaded bool
	raw    bool
	blocks []loader.Block
	flat   string
	lines  []wrap.Line
	starts []int // starts[i]: flat offset where line i begins (monotonic)
	ends   []int // ends[i]: flat offset where line i ends (monotonic)
	width  int
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

// wrap lays the document out for width columns, unless it already is.
func (d *document) wrap(width int, cond *runewidth.Condition) {
	if !d.loaded || (d.width == width && d.lines != nil) {
		return
	}
	d.width = width
	if d.raw {
		d.lines = d.lines[:0]
		off := 0
		for _, b := range d.blocks {
			if b.Text == "" {
				d.lines = append(d.lines, wrap.Line{Text: "", Off: off, Kind: b.Kind})
			}
			for _, r := range wrap.Breaks(b.Text, width, cond) {
				d.lines = append(d.lines, wrap.Line{Text: b.Text[r[0]:r[1]], Off: off + r[0], Kind: b.Kind})
			}
			off += len(b.Text) + 1
		}
	} else {
		d.lines = wrap.Wrap(d.blocks, width, cond)
	}
	d.starts = make([]int, len(d.lines))
	d.ends = make([]int, len(d.lines))
	end := 0
	for i, l := range d.lines {
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
