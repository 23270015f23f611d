package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds the bindings that work in every view.
type KeyMap struct {
	Quit       key.Binding
	CloseHelp  key.Binding
	HelpScroll key.Binding
}

// DefaultKeyMap returns the global bindings.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Quit:       key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		CloseHelp:  key.NewBinding(key.WithKeys("?", "esc", "q"), key.WithHelp("?/esc", "close help")),
		HelpScroll: key.NewBinding(key.WithKeys("j", "down", "space", "pgdown"), key.WithHelp("j", "more")),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding { return []key.Binding{k.CloseHelp, k.HelpScroll, k.Quit} }

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }
