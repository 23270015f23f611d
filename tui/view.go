package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/tui/wrap"
)

// minWidth and minHeight are the smallest screen the views lay out on.
const minWidth, minHeight = 20, 5

// View builds the one tea.View of the program.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	return v
}

// screen is the text of the whole screen, each row exactly m.width wide.
func (m Model) screen() string {
	if !m.ready {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return wrap.Fit("terminal too small", max(1, m.width), m.cfg.Cond)
	}
	if m.help {
		return m.helpScreen()
	}
	var s string
	if m.state == stateReader && m.opening != "" && m.rdr.Entry().RelPath != m.opening {
		if m.quietOpen {
			return ""
		}
		s = m.loadingScreen()
	} else {
		s = m.activeView()
	}
	if m.status != "" {
		if i := strings.LastIndexByte(s, '\n'); i >= 0 {
			s = s[:i+1] + m.styles.Error.Render(wrap.Fit(" "+loader.SanitizeLine(m.status), m.width, m.cfg.Cond))
		}
	}
	return s
}

func (m Model) loadingScreen() string {
	rows := make([]string, m.height)
	for i := range rows {
		rows[i] = strings.Repeat(" ", m.width)
	}
	rows[0] = wrap.Fit(" loading "+loader.DisplayPath(m.opening)+"…", m.width, m.cfg.Cond)
	return strings.Join(rows, "\n")
}

// helpLines lists every binding of the current view, generated from the
// same KeyMap its Update matches against.
func (m Model) helpLines() []string {
	km := m.active()
	title := km.HelpTitle()
	blank := strings.Repeat(" ", m.width)
	lines := []string{m.styles.HelpTitle.Render(wrap.Fit(" "+title+" keys", m.width, m.cfg.Cond)), blank}
	for _, group := range km.FullHelp() {
		for _, b := range group {
			if !b.Enabled() {
				continue
			}
			h := b.Help()
			keyText := wrap.Fit("  "+h.Key, 18, m.cfg.Cond)
			desc := wrap.Fit(" "+h.Desc, max(0, m.width-18), m.cfg.Cond)
			lines = append(lines, m.styles.HelpKey.Render(keyText)+m.styles.HelpDesc.Render(desc))
		}
		lines = append(lines, blank)
	}
	// the one rule the filter, / and F match by
	lines = append(lines, m.styles.HelpTitle.Render(wrap.Fit(" Matching (filter, /, F)", m.width, m.cfg.Cond)))
	rules := strings.Split(match.Rule, "; ")
	if match.VariantFolding() {
		rules = append(rules, match.VariantRule)
	}
	for _, part := range rules {
		lines = append(lines, m.styles.HelpDesc.Render(wrap.Fit("  "+part, m.width, m.cfg.Cond)))
	}
	if m.cfg.Ambiguous != "" {
		lines = append(lines, blank, m.styles.HelpDesc.Render(wrap.Fit("  ambiguous “ ” … —: "+m.cfg.Ambiguous, m.width, m.cfg.Cond)))
	}
	if m.WantsMouse() {
		lines = append(lines, m.styles.HelpTitle.Render(wrap.Fit(" Mouse (--no-mouse leaves it to the terminal)", m.width, m.cfg.Cond)))
		for _, part := range []string{"wheel scrolls; a click selects, a click on the selection opens",
			"Shift+drag selects text in most terminals"} {
			lines = append(lines, m.styles.HelpDesc.Render(wrap.Fit("  "+part, m.width, m.cfg.Cond)))
		}
	}
	return lines
}
