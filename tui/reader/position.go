package reader

import "sort"

// Position is where the reader stands in the cleaned article: the
// paragraph (block) of the first line on screen and the byte offset of that
// line in the paragraph. It does not depend on the width, so a position
// kept at one width is found again at another. While the raw source is
// shown, it is the cleaned text's position at the same fraction.
func (m Model) Position() (para, offset int) {
	d := &m.doc
	if !d.loaded || len(d.blocks) == 0 {
		return 0, 0
	}
	off := m.anchorOff
	switch {
	case off >= 0:
	case m.showSrc:
		if n := len(m.src.lines); n > 0 {
			off = d.offsetOf(int(float64(m.top) / float64(n) * float64(len(d.lines))))
		}
	default:
		off = d.offsetOf(m.top)
	}
	return d.blockAt(max(off, 0))
}

// SetPosition brings the line at (para, offset) of the cleaned article to
// the top of the screen, now or once the article is laid out. Values past
// the end stop at the end.
func (m *Model) SetPosition(para, offset int) {
	d := &m.doc
	if !d.loaded || len(d.blocks) == 0 || para < 0 || offset < 0 {
		return
	}
	off := 0
	for i := 0; i < min(para, len(d.blocks)); i++ {
		off += len(d.blocks[i].Text) + 1
	}
	if para < len(d.blocks) {
		off += min(offset, len(d.blocks[para].Text))
	}
	m.anchorOff = min(off, len(d.flat))
	m.settle()
}

// blockAt converts a flat offset to (block, offset in the block). The "\n"
// after a block belongs to the block.
func (d *document) blockAt(off int) (int, int) {
	start := 0
	for i, b := range d.blocks {
		if off <= start+len(b.Text) || i == len(d.blocks)-1 {
			return i, min(off-start, len(b.Text))
		}
		start += len(b.Text) + 1
	}
	return 0, 0
}

// topLineAt is the line to put at the top to show flat offset off first:
// the line holding it, or the blank line between two blocks when off is
// the end of a block (where such a line begins).
func (d *document) topLineAt(off int) int {
	i := sort.Search(len(d.ends), func(i int) bool { return d.ends[i] >= off })
	if i < len(d.ends) && d.ends[i] == off && d.starts[i] != off {
		i++ // a text line ending at off: off is where the next line begins
	}
	return max(0, min(i, len(d.lines)-1))
}
