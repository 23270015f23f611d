package reader

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding of the reader; the help screen is generated
// from it and Update matches against it.
type KeyMap struct {
	Down, Up                 key.Binding
	PageDown, PageUp         key.Binding
	HalfDown, HalfUp         key.Binding
	Top, Bottom              key.Binding
	Prev, Next               key.Binding
	NextUnread               key.Binding
	Back, Esc                key.Binding
	Search, NextHit, PrevHit key.Binding
	Source, Mark             key.Binding
	Pager, Editor            key.Binding
	Copy, CopyTitle          key.Binding
	Help, Quit               key.Binding
}

// DefaultKeyMap returns the reader's bindings.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Down:       b([]string{"j", "down", "ctrl+n", "enter"}, "j/↓", "line down"),
		Up:         b([]string{"k", "up", "ctrl+p"}, "k/↑", "line up"),
		PageDown:   b([]string{"space", "f", "pgdown", "ctrl+f"}, "space/f/pgdn", "page down"),
		PageUp:     b([]string{"b", "pgup", "ctrl+b"}, "b/pgup", "page up"),
		HalfDown:   b([]string{"d", "ctrl+d"}, "d", "half page down"),
		HalfUp:     b([]string{"u", "ctrl+u"}, "u", "half page up"),
		Top:        b([]string{"g", "home", "<"}, "g/home", "top"),
		Bottom:     b([]string{"G", "end", ">"}, "G/end", "bottom"),
		Prev:       b([]string{"["}, "[", "previous article (or hit, after F)"),
		Next:       b([]string{"]"}, "]", "next article (or hit, after F)"),
		NextUnread: b([]string{"tab"}, "tab", "next unread article"),
		Back:       b([]string{"q", "h", "left"}, "q/h/←", "back to the list"),
		Esc:        b([]string{"esc"}, "esc", "clear search, else back"),
		Search:     b([]string{"/"}, "/", "search in the article"),
		NextHit:    b([]string{"n"}, "n", "next match"),
		PrevHit:    b([]string{"N"}, "N", "previous match"),
		Source:     b([]string{"r"}, "r", "cleaned / raw source"),
		Mark:       b([]string{"m"}, "m", "mark / unmark"),
		Pager:      b([]string{"e"}, "e", "open in $PAGER"),
		Editor:     b([]string{"o", "v"}, "o/v", "open in $EDITOR"),
		Copy:       b([]string{"y"}, "y", "copy the text (the match's paragraph)"),
		CopyTitle:  b([]string{"Y"}, "Y", "copy the title and path"),
		Help:       b([]string{"?"}, "?", "help"),
		Quit:       b([]string{"ctrl+c"}, "ctrl+c", "quit"),
	}
}

// ShortHelp implements help.KeyMap.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.PageDown, k.Search, k.NextHit, k.Back, k.Help}
}

// FullHelp implements help.KeyMap.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.Search, k.NextHit, k.PrevHit, k.Esc, k.Prev, k.Next, k.NextUnread, k.Back},
		{k.Source, k.Mark, k.Copy, k.CopyTitle, k.Pager, k.Editor, k.Help, k.Quit},
	}
}

// ShortHelp implements help.KeyMap with the view's bindings.
func (m Model) ShortHelp() []key.Binding { return m.KeyMap.ShortHelp() }

// FullHelp implements help.KeyMap with the view's bindings.
func (m Model) FullHelp() [][]key.Binding { return m.KeyMap.FullHelp() }

// HelpTitle names the view on the help screen.
func (m Model) HelpTitle() string { return "Reader" }
