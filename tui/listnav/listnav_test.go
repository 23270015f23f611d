package listnav

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestMove(t *testing.T) {
	for _, c := range []struct {
		name                         string
		cursor, offset, n, length, h int
		wantCursor, wantOffset       int
	}{
		{"down inside the screen", 2, 0, 1, 100, 10, 3, 0},
		{"down off the bottom scrolls one", 9, 0, 1, 100, 10, 10, 1},
		{"up off the top scrolls one", 5, 5, -1, 100, 10, 4, 4},
		{"page down", 0, 0, 10, 100, 10, 10, 1},
		{"past the end stops at the last", 95, 90, 1000, 100, 10, 99, 90},
		{"past the start stops at the first", 3, 0, -1000, 100, 10, 0, 0},
		{"shorter than the screen never scrolls", 2, 0, 5, 4, 10, 3, 0},
		{"empty list", 0, 0, 1, 0, 10, 0, 0},
		{"offset past the end is pulled back", 99, 120, 0, 100, 10, 99, 90},
	} {
		cur, off := Move(c.cursor, c.offset, c.n, c.length, c.h)
		if cur != c.wantCursor || off != c.wantOffset {
			t.Errorf("%s: Move = (%d, %d), want (%d, %d)", c.name, cur, off, c.wantCursor, c.wantOffset)
		}
	}
}

func TestStep(t *testing.T) {
	k := DefaultKeyMap()
	for _, c := range []struct {
		key  tea.KeyPressMsg
		want int
		ok   bool
	}{
		{tea.KeyPressMsg{Code: 'j', Text: "j"}, 1, true},
		{tea.KeyPressMsg{Code: tea.KeyUp}, -1, true},
		{tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}, 20, true},
		{tea.KeyPressMsg{Code: 'b', Mod: tea.ModCtrl}, -20, true},
		{tea.KeyPressMsg{Code: 'g', Text: "g"}, -500, true},
		{tea.KeyPressMsg{Code: 'G', Text: "G"}, 500, true},
		{tea.KeyPressMsg{Code: 'x', Text: "x"}, 0, false},
	} {
		got, ok := k.Step(c.key, 20, 500)
		if got != c.want || ok != c.ok {
			t.Errorf("Step(%q) = %d, %v; want %d, %v", c.key.String(), got, ok, c.want, c.ok)
		}
	}
}
