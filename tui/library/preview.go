package library

import (
	"unicode/utf8"

	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/tui/wrap"
)

// previewLimit is how much of an article the preview lays out: enough to
// fill any screen, so a huge article previews as fast as a small one.
const previewLimit = 16 << 10

// preview is the selected article's text, laid out for the preview pane.
type preview struct {
	rel    string
	err    string
	blocks []loader.Block
	lines  []wrap.Line
	width  int
	offset int // the list's first row on screen when it was set
}

// SetPreview installs the loaded article (or its error) for rel.
func (m *Model) SetPreview(rel string, a loader.Article, err error) {
	p := preview{rel: rel, offset: m.offset}
	if err != nil {
		p.err = err.Error()
	} else {
		p.blocks = headBlocks(a.Blocks, previewLimit)
	}
	p.rewrap(m.previewWidth(), m.cond)
	m.preview = p
}

// PreviewRel is the article the preview shows ("" when none).
func (m Model) PreviewRel() string { return m.preview.rel }

// WantsPreview reports whether the preview pane is shown: the view is
// wide enough and p has not hidden it.
func (m Model) WantsPreview() bool { return m.width >= 100 && !m.previewOff }

// minPreview is the fewest columns the preview keeps beside the list.
const minPreview = 40

// listWidth is the list pane's width: as wide as its rows need (mark,
// prefix, title, folder), at least 40 columns and at most 60% of the
// screen, the preview keeping minPreview columns.
func (m Model) listWidth() int {
	if !m.WantsPreview() {
		return m.width
	}
	need := 2 + m.prefixW + 1 + m.titleW
	if m.dirW > 0 {
		need += 1 + m.dirW
	}
	most := min(m.width*3/5, m.width-minPreview-wrap.Width(border, m.cond))
	return max(40, min(need, most))
}

// togglePreview shows or hides the preview pane.
func (m *Model) togglePreview() {
	m.previewOff = !m.previewOff
	m.preview.rewrap(m.previewWidth(), m.cond)
}

// border separates the list from the preview.
const border = " │ "

func (m Model) previewWidth() int {
	if !m.WantsPreview() {
		return 0
	}
	return max(1, m.width-m.listWidth()-wrap.Width(border, m.cond))
}

func (p *preview) rewrap(width int, cond *runewidth.Condition) {
	p.width = width
	p.lines = nil
	if width > 0 && p.blocks != nil {
		p.lines = wrap.Wrap(p.blocks, width, cond)
	}
}

// headBlocks returns the first blocks of an article up to about limit bytes.
func headBlocks(blocks []loader.Block, limit int) []loader.Block {
	out := make([]loader.Block, 0, 8)
	n := 0
	for _, b := range blocks {
		if n+len(b.Text) > limit {
			cut := limit - n
			for cut > 0 && cut < len(b.Text) && !utf8.RuneStart(b.Text[cut]) {
				cut--
			}
			if cut > 0 {
				out = append(out, loader.Block{Kind: b.Kind, Text: b.Text[:cut]})
			}
			break
		}
		out = append(out, b)
		n += len(b.Text)
	}
	return out
}
