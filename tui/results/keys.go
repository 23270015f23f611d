package results

import (
	"charm.land/bubbles/v2/key"

	"newsbrowse/tui/listnav"
)

// KeyMap holds every binding of the collection search results.
type KeyMap struct {
	listnav.KeyMap // moving the selection
	Open           key.Binding
	Cancel, Back   key.Binding
	Help, Quit     key.Binding
}

// DefaultKeyMap returns the bindings of the results view.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		KeyMap: listnav.DefaultKeyMap(),
		Open:   b([]string{"enter", "l", "right"}, "enter", "open at the first match"),
		Cancel: b([]string{"esc"}, "esc", "stop the search, else back"),
		Back:   b([]string{"q", "h", "left"}, "q/h/←", "back to the list"),
		Help:   b([]string{"?"}, "?", "help"),
		Quit:   b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Cancel, k.Back, k.Help}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		k.Bindings(),
		{k.Open, k.Cancel, k.Back, k.Help, k.Quit},
	}
}

// ShortHelp implements help.KeyMap with the view's bindings.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// FullHelp implements help.KeyMap with the view's bindings.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// HelpTitle names the view on the help screen.
func (m Model) HelpTitle() string { return "Search results" }
