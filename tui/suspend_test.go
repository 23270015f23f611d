package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// ctrl+z suspends the program from any view, a prompt too.
func TestCtrlZSuspends(t *testing.T) {
	d := newDriver(t, testConfig(t), 80, 24)
	for _, before := range [][]string{nil, {"/"}} {
		d.keys(before...)
		_, cmd := d.m.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
		if cmd == nil {
			t.Fatalf("after %q ctrl+z gave no command", before)
		}
		if msg := cmd(); msg != (tea.SuspendMsg{}) {
			t.Errorf("after %q ctrl+z gave %#v, want tea.SuspendMsg", before, msg)
		}
	}
}
