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

// In a served session (no programs run) there is nothing to suspend:
// ctrl+z does nothing and no help lists it.
func TestCtrlZIsNoKeyInAServedSession(t *testing.T) {
	cfg := testConfig(t)
	cfg.NoPrograms = true
	d := newDriver(t, cfg, 80, 24)
	_, cmd := d.m.Update(tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl})
	if cmd != nil {
		if msg := cmd(); msg == (tea.SuspendMsg{}) {
			t.Fatal("ctrl+z suspends a served session")
		}
	}
	for _, group := range d.model().keys.FullHelp() {
		for _, b := range group {
			if b.Enabled() && b.Help().Key == "ctrl+z" {
				t.Fatalf("the help lists ctrl+z: %q", b.Help().Desc)
			}
		}
	}
}
