package library

import (
	"charm.land/bubbles/v2/key"

	"newsbrowse/tui/listnav"
)

// KeyMap holds every binding of the library view.
type KeyMap struct {
	listnav.KeyMap   // moving the selection
	Open             key.Binding
	Filter, Clear    key.Binding
	SearchAll        key.Binding
	Mark, MarkedOnly key.Binding
	Read, NextUnread key.Binding
	Pager, Editor    key.Binding
	Preview          key.Binding
	CopyTitle        key.Binding
	Help, Quit       key.Binding
}

// DefaultKeyMap returns the library's bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		KeyMap:     listnav.DefaultKeyMap(),
		Open:       b([]string{"enter", "l", "right"}, "enter/l/→", "open"),
		Filter:     b([]string{"/"}, "/", "filter by number, title or folder"),
		Clear:      b([]string{"esc"}, "esc", "clear the filter"),
		SearchAll:  b([]string{"F"}, "F", "search all articles (↑↓ earlier queries)"),
		Mark:       b([]string{"m"}, "m", "mark / unmark"),
		MarkedOnly: b([]string{"M"}, "M", "show marked only"),
		Read:       b([]string{"u"}, "u", "read / unread (N: unread)"),
		NextUnread: b([]string{"tab"}, "tab", "next unread article"),
		Pager:      b([]string{"e"}, "e", "open in $PAGER"),
		Editor:     b([]string{"o", "v"}, "o/v", "open in $EDITOR"),
		Preview:    b([]string{"p"}, "p", "show / hide the preview"),
		CopyTitle:  b([]string{"Y"}, "Y", "copy the title and path"),
		Help:       b([]string{"?"}, "?", "help"),
		Quit:       b([]string{"q", "ctrl+c"}, "q", "quit"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Filter, k.SearchAll, k.Mark, k.Help, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(k.Bindings(), k.Open),
		{k.Filter, k.Clear, k.SearchAll, k.Mark, k.MarkedOnly, k.Read, k.NextUnread},
		{k.Pager, k.Editor, k.Preview, k.CopyTitle, k.Help, k.Quit},
	}
}

// ShortHelp implements help.KeyMap with the view's bindings.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// FullHelp implements help.KeyMap with the view's bindings.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// HelpTitle names the view on the help screen.
func (m Model) HelpTitle() string { return "Library" }
