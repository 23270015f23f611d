package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/history"
)

// historyMsg carries the stored queries of the collection search, after a
// load or a save.
type historyMsg struct {
	queries []string
	aside   string // where an unreadable history file was set aside
	err     error
}

// loadHistoryCmd reads the queries F recalls with ↑ and ↓.
func loadHistoryCmd(stateDir, abs string) tea.Cmd {
	if stateDir == "" {
		return nil
	}
	return func() tea.Msg {
		s, err := history.Open(stateDir, abs)
		if err != nil {
			return historyMsg{err: err}
		}
		qs, err := s.Load()
		return historyMsg{queries: qs, err: err}
	}
}

// saveHistoryCmd adds a query to the stored ones.
func saveHistoryCmd(stateDir, abs, q string) tea.Cmd {
	if stateDir == "" {
		return nil
	}
	return func() tea.Msg {
		s, err := history.Open(stateDir, abs)
		if err != nil {
			return historyMsg{err: err}
		}
		qs, aside, err := s.Save(q)
		return historyMsg{queries: qs, aside: aside, err: err}
	}
}

// rememberQuery makes q the newest query of the history, here at once and
// in the stored file.
func (m *Model) rememberQuery(q string) tea.Cmd {
	m.queries = history.Add(m.queries, q)
	m.lib.SetHistory(m.queries)
	return saveHistoryCmd(m.cfg.StateDir, m.cfg.AbsPath, q)
}

// historyLoaded takes the stored queries; an error is shown, and the
// queries of this run are still recalled.
func (m Model) historyLoaded(msg historyMsg) Model {
	switch {
	case msg.err != nil:
		m.status = msg.err.Error()
	case msg.aside != "":
		m.status = fmt.Sprintf("query history could not be read: kept as %s", loader.DisplayPath(msg.aside))
	}
	if msg.queries != nil {
		m.queries = msg.queries
		m.lib.SetHistory(m.queries)
	}
	return m
}
