package results

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding of the collection search results.
type KeyMap struct {
	Down, Up         key.Binding
	PageDown, PageUp key.Binding
	Top, Bottom      key.Binding
	Open             key.Binding
	Cancel, Back     key.Binding
	Help, Quit       key.Binding
}

// DefaultKeyMap returns the bindings of the results view.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Down:     b([]string{"j", "down", "ctrl+n"}, "j/↓", "down"),
		Up:       b([]string{"k", "up", "ctrl+p"}, "k/↑", "up"),
		PageDown: b([]string{"pgdown", "ctrl+f", "space"}, "pgdn", "page down"),
		PageUp:   b([]string{"pgup", "ctrl+b"}, "pgup", "page up"),
		Top:      b([]string{"g", "home"}, "g/home", "first"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last"),
		Open:     b([]string{"enter", "l", "right"}, "enter", "open at the first match"),
		Cancel:   b([]string{"esc"}, "esc", "stop the search, else back"),
		Back:     b([]string{"q", "h", "left"}, "q/h/←", "back to the list"),
		Help:     b([]string{"?"}, "?", "help"),
		Quit:     b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Cancel, k.Back, k.Help}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Open, k.Cancel, k.Back, k.Help, k.Quit},
	}
}
