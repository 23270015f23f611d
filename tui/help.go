package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/tui/wrap"
)

// helpBody is how many help lines fit above the footer.
func (m Model) helpBody() int { return max(1, m.height-1) }

// scrollHelp is the first help line on screen after msg: the help pages
// like the reader (line, page, top, bottom) and stops at either end.
func (m Model) scrollHelp(msg tea.KeyPressMsg) int {
	n := len(m.helpLines())
	body := m.helpBody()
	step, ok := m.keys.helpNav().Step(msg, body, n)
	if !ok {
		return m.helpTop
	}
	return clampHelpTop(m.helpTop+step, n, body)
}

// clampHelpTop keeps the first line on screen between the top and the
// last full page.
func clampHelpTop(top, lines, body int) int {
	return max(0, min(top, lines-body))
}

// helpScreen shows the help one screen at a time.
func (m Model) helpScreen() string {
	lines := m.helpLines()
	g := m.keys.CloseHelp.Help()
	footText := " " + g.Key + " " + g.Desc + " · ctrl+c quit"
	body := m.helpBody()
	if len(lines) > body {
		top := clampHelpTop(m.helpTop, len(lines), body)
		lines = lines[top : top+body]
		k := m.keys
		footText = fmt.Sprintf(" %d–%d/%d · %s/%s %s/%s ·%s", top+1, top+body, len(m.helpLines()),
			k.HelpDown.Keys()[0], k.HelpUp.Keys()[0], k.HelpPageDown.Keys()[0], k.HelpPageUp.Keys()[0], footText)
	}
	for len(lines) < body {
		lines = append(lines, strings.Repeat(" ", m.width))
	}
	foot := m.styles.Status.Render(wrap.Fit(footText, m.width, m.cfg.Cond))
	return strings.Join(append(lines, foot), "\n")
}
