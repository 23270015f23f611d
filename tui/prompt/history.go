package prompt

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// SetHistory gives the prompt the earlier queries, oldest first, that
// Older and Newer step through.
func (m *Model) SetHistory(h []string) {
	m.hist = h
	if !m.open || m.histPos > len(h) {
		m.histPos = len(h)
	}
}

// OpenSelected opens the prompt on the last query (the text it holds, else
// the newest of the history) with the whole text selected: typing replaces
// it, a movement key keeps it.
func (m *Model) OpenSelected() {
	text := m.input.Value()
	if text == "" && len(m.hist) > 0 {
		text = m.hist[len(m.hist)-1]
	}
	m.Open(text)
	m.selected = text != ""
	if n := len(m.hist); n > 0 && text == m.hist[n-1] {
		m.histPos = n - 1 // ↑ goes to the query before it
	}
}

// Selected reports whether the whole text is selected.
func (m Model) Selected() bool { return m.selected }

// recall shows an earlier or later query of the history for Older and
// Newer, and reports whether msg was one of them.
func (m *Model) recall(msg tea.KeyPressMsg) bool {
	dir := 0
	switch {
	case key.Matches(msg, m.KeyMap.Older):
		dir = -1
	case key.Matches(msg, m.KeyMap.Newer):
		dir = 1
	default:
		return false
	}
	next := max(0, min(m.histPos+dir, len(m.hist)))
	if next == m.histPos {
		return true
	}
	if m.histPos == len(m.hist) {
		m.draft = m.input.Value()
	}
	m.histPos = next
	text := m.draft
	if next < len(m.hist) {
		text = m.hist[next]
	}
	m.selected = false
	m.input.SetValue(text)
	m.input.CursorEnd()
	return true
}

// replaceSelection ends a selection: a key that types text first clears
// it (and the key then types), a deleting key deletes it all and reports
// true (nothing more to do), any other key only ends the selection.
func (m *Model) replaceSelection(msg tea.KeyPressMsg) bool {
	if !m.selected {
		return false
	}
	m.selected = false
	k := m.input.KeyMap
	switch {
	case key.Matches(msg, k.DeleteCharacterBackward, k.DeleteCharacterForward, k.DeleteWordBackward,
		k.DeleteWordForward, k.DeleteAfterCursor, k.DeleteBeforeCursor):
		m.input.SetValue("")
		return true
	case msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0:
		m.input.SetValue("")
	}
	return false
}
