package reader

import (
	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
)

// Replace puts the whole of the article in place of its first part,
// keeping the place on screen, the search and a position set meanwhile
// that lay beyond the first part.
func (m *Model) Replace(a loader.Article) tea.Cmd {
	if !m.partial || a.Entry.RelPath != m.entry.RelPath {
		return nil
	}
	m.partial = false
	off := m.doc.offsetOf(m.top)
	if m.showSrc {
		off = 0
	}
	m.doc = newDocument(a.Flat(), a.Blocks, false)
	line, cmd := m.doc.relayout(m.entry.RelPath, m.textWidth(), m.cond, off)
	var find tea.Cmd
	if !m.showSrc {
		m.top = line
		if m.search.matcher != nil {
			// the search waited for the whole, and so does its jump
			jump := m.search.jumpOff
			find = m.findAll()
			if m.search.searching {
				m.search.jumpOff = jump
			} else if jump >= 0 {
				m.jumpFrom(jump)
			}
		}
	}
	if w := m.wantPos; w != nil {
		m.wantPos = nil
		m.SetPosition(w[0], w[1])
	}
	m.clamp()
	return tea.Batch(cmd, find)
}
