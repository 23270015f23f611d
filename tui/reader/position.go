package reader

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
	if w := m.wantPos; w != nil {
		return w[0], w[1] // beyond the first part: not reached yet
	}
	off := m.anchorOff
	switch {
	case off >= 0:
	case m.showSrc:
		if n := len(m.src.flat); n > 0 {
			off = int(float64(m.src.offsetOf(m.top)) / float64(n) * float64(len(d.flat)))
		}
	default:
		off = m.topOffset()
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
	if m.partial && para >= len(d.blocks)-1 {
		m.wantPos = &[2]int{para, offset} // found again in the whole
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
