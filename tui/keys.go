package tui

import (
	"charm.land/bubbles/v2/key"

	"newsbrowse/tui/listnav"
)

// KeyMap holds the bindings that work in every view, and those of the
// help screen.
type KeyMap struct {
	Quit      key.Binding
	Suspend   key.Binding
	CloseHelp key.Binding
	// HelpDown … HelpBottom page the help like the reader pages text
	HelpDown, HelpUp         key.Binding
	HelpPageDown, HelpPageUp key.Binding
	HelpTop, HelpBottom      key.Binding
}

// DefaultKeyMap returns the global bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Quit:         b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Suspend:      b([]string{"ctrl+z"}, "ctrl+z", "suspend (fg to come back)"),
		CloseHelp:    b([]string{"?", "esc", "q"}, "?/esc", "close help"),
		HelpDown:     b([]string{"j", "down", "ctrl+n", "enter"}, "j/↓", "line down"),
		HelpUp:       b([]string{"k", "up", "ctrl+p"}, "k/↑", "line up"),
		HelpPageDown: b([]string{"space", "f", "pgdown", "ctrl+f"}, "space", "page down"),
		HelpPageUp:   b([]string{"b", "pgup", "ctrl+b"}, "b", "page up"),
		HelpTop:      b([]string{"g", "home"}, "g", "top"),
		HelpBottom:   b([]string{"G", "end"}, "G", "bottom"),
	}
}

// helpNav is the help screen's movement as a list cursor sees it.
func (k KeyMap) helpNav() listnav.KeyMap {
	return listnav.KeyMap{
		Down: k.HelpDown, Up: k.HelpUp, PageDown: k.HelpPageDown, PageUp: k.HelpPageUp,
		Top: k.HelpTop, Bottom: k.HelpBottom,
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.CloseHelp, k.HelpPageDown, k.Quit} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.HelpDown, k.HelpUp, k.HelpPageDown, k.HelpPageUp, k.HelpTop, k.HelpBottom},
		{k.CloseHelp, k.Quit, k.Suspend},
	}
}
