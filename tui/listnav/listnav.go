// Package listnav is the cursor of a list view: the keys that move it and
// the arithmetic that keeps it on screen. The library and the collection
// search results share it, so both lists move the same way.
package listnav

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap holds the bindings that move a list's cursor.
type KeyMap struct {
	Down, Up         key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding
}

// DefaultKeyMap returns the movement bindings of every list.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Down:     b([]string{"j", "down", "ctrl+n"}, "j/↓", "down"),
		Up:       b([]string{"k", "up", "ctrl+p"}, "k/↑", "up"),
		PageDown: b([]string{"pgdown", "ctrl+f", "space"}, "pgdn/ctrl+f", "page down"),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup/ctrl+b", "page up"),
		Top:      b([]string{"g", "home"}, "g/home", "first"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last"),
	}
}

// Bindings lists the movement bindings in the order help shows them.
func (k KeyMap) Bindings() []key.Binding {
	return []key.Binding{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom}
}

// Step is how many rows msg moves the cursor of a list of length rows with
// page rows on screen, and whether msg is a movement key at all.
func (k KeyMap) Step(msg tea.KeyPressMsg, page, length int) (int, bool) {
	switch {
	case key.Matches(msg, k.Down):
		return 1, true
	case key.Matches(msg, k.Up):
		return -1, true
	case key.Matches(msg, k.PageDown):
		return page, true
	case key.Matches(msg, k.PageUp):
		return -page, true
	case key.Matches(msg, k.Top):
		return -length, true
	case key.Matches(msg, k.Bottom):
		return length, true
	}
	return 0, false
}

// Move returns the cursor moved by n rows, kept within a list of length
// rows, and the offset of the first row on screen that keeps it among the
// height rows shown.
func Move(cursor, offset, n, length, height int) (int, int) {
	cursor = max(0, min(cursor+n, length-1))
	return cursor, Show(cursor, offset, length, height)
}

// Show returns the offset of the first row on screen, changed as little as
// possible from offset, so that the cursor is among the height rows shown
// and the screen is not scrolled past the end of the list.
func Show(cursor, offset, length, height int) int {
	if cursor < offset {
		offset = cursor
	}
	if cursor >= offset+height {
		offset = cursor - height + 1
	}
	return max(0, min(offset, length-height))
}
