package tui

import (
	tea "charm.land/bubbletea/v2"

	"newsbrowse/tui/listnav"
)

// WantsMouse tells the painter (tui/screen) to turn on button and wheel
// reporting, unless --no-mouse left the mouse to the terminal.
func (m Model) WantsMouse() bool { return !m.cfg.NoMouse }

// mouse handles a wheel turn or a click: the help scrolls here, the view
// on screen takes the rest. Nothing happens while an article loads or
// the program waits to quit.
func (m Model) mouse(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.cfg.NoMouse || m.store.quitting || m.opening != "" {
		return m, nil
	}
	if m.help {
		if w, ok := msg.(tea.MouseWheelMsg); ok {
			m.helpTop = clampHelpTop(m.helpTop+listnav.Wheel(w), len(m.helpLines()), m.helpBody())
		}
		return m, nil
	}
	return m.routeToChild(msg)
}
