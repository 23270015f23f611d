package reader

import (
	"sort"

	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/tui/prompt"
)

// searchState is the in-text search: the query, every match in the flat
// text of the document on screen, and the current one.
type searchState struct {
	query    string
	matcher  *match.Matcher
	matches  [][2]int
	cur      int // index into matches; -1 before the first jump
	saved    string
	savedOff int // flat offset of the top line when the prompt opened
	// searching: a command is finding the matches of a huge document;
	// jumpOff is the flat offset to jump from when they arrive (-1: nowhere).
	searching bool
	jumpOff   int
}

// searchedMsg carries the matches a search command found.
type searchedMsg struct {
	rel     string
	raw     bool
	query   string
	matches [][2]int
}

// setQuery compiles q and finds all its matches in the document on screen.
func (m *Model) setQuery(q string) tea.Cmd {
	if q != "" && q == m.search.query && m.search.matcher != nil {
		return nil // the matches (or the command finding them) are current
	}
	m.search.query = q
	if q == "" {
		m.search.matcher, m.search.matches, m.search.cur, m.search.searching = nil, nil, -1, false
		return nil
	}
	m.search.matcher = match.New(q)
	return m.findAll()
}

// findAll finds the matches in the document on screen: at once in a
// normal article, by a command in a huge one, whose answer is dropped if
// the query or the document changed meanwhile.
func (m *Model) findAll() tea.Cmd {
	s := &m.search
	s.cur, s.jumpOff = -1, -1
	if s.matcher == nil || s.matcher.Empty() {
		s.matches, s.searching = nil, false
		return nil
	}
	if m.partial && !m.showSrc {
		// the first part of a huge article: Replace searches the whole
		s.matches, s.searching = nil, true
		return nil
	}
	// image placeholders are not text: they never match
	flat, blocks := m.active().flat, m.active().blocks
	if len(flat) < asyncLayout {
		s.matches, s.searching = s.matcher.FindAll(loader.SearchText(flat, blocks)), false
		return nil
	}
	s.matches, s.searching = nil, true
	mt, msg := s.matcher, searchedMsg{rel: m.entry.RelPath, raw: m.showSrc, query: s.query}
	return func() tea.Msg {
		msg.matches = mt.FindAll(loader.SearchText(flat, blocks))
		return msg
	}
}

// searched takes the answer of a search command.
func (m *Model) searched(msg searchedMsg) {
	s := &m.search
	if !s.searching || msg.rel != m.entry.RelPath || msg.raw != m.showSrc || msg.query != s.query {
		return
	}
	s.matches, s.searching = msg.matches, false
	if off := s.jumpOff; off >= 0 {
		s.jumpOff = -1
		m.jumpFrom(off)
	}
}

// promptEvent reacts to what a key did in the search prompt.
func (m *Model) promptEvent(ev prompt.Event) tea.Cmd {
	var cmd tea.Cmd
	switch ev {
	case prompt.Changed:
		cmd = m.setQuery(m.prompt.Value())
		m.goTo(m.search.savedOff)
		if m.search.query != "" {
			m.jumpFrom(m.search.savedOff)
		}
		m.clamp()
	case prompt.Submit:
		cmd = m.setQuery(m.prompt.Value())
		m.goTo(m.search.savedOff)
		if m.search.query != "" {
			m.jumpFrom(m.search.savedOff)
			if len(m.search.matches) == 0 && !m.search.searching {
				m.notice = `no match for "` + m.search.query + `"`
			}
		}
	case prompt.Cancel:
		cmd = m.setQuery(m.search.saved)
		m.goTo(m.search.savedOff)
	}
	return cmd
}

// jumpFrom makes current the first match that ends after flat offset off
// (the top line's, say), wrapping to the first match of the article, and
// brings it into view.
func (m *Model) jumpFrom(off int) {
	s := &m.search
	if s.searching {
		s.jumpOff = off
		return
	}
	if len(s.matches) == 0 {
		s.cur = -1
		return
	}
	i := sort.Search(len(s.matches), func(i int) bool { return s.matches[i][1] > off })
	if i == len(s.matches) {
		i = 0
	}
	s.cur = i
	m.reveal()
}

// step moves to the next (dir 1) or previous (dir -1) match, wrapping
// around the article with a notice.
func (m *Model) step(dir int) {
	s := &m.search
	if s.query == "" {
		m.notice = "no search: press / to search"
		return
	}
	if s.searching {
		m.notice = "still searching…"
		return
	}
	if len(s.matches) == 0 {
		m.notice = `no match for "` + s.query + `"`
		return
	}
	if s.cur < 0 {
		m.jumpFrom(m.anchor())
		return
	}
	s.cur += dir
	switch {
	case s.cur >= len(s.matches):
		s.cur = 0
		m.notice = "search hit BOTTOM, continuing at TOP"
	case s.cur < 0:
		s.cur = len(s.matches) - 1
		m.notice = "search hit TOP, continuing at BOTTOM"
	}
	m.reveal()
}

// reveal scrolls the current match into view, with some context above it
// when it was off screen.
func (m *Model) reveal() {
	s := m.search
	if s.cur < 0 || s.cur >= len(s.matches) {
		return
	}
	d := m.active()
	a, b := s.matches[s.cur][0], max(s.matches[s.cur][0], s.matches[s.cur][1]-1)
	h := m.bodyHeight()
	if d.covers(a) && d.covers(b) {
		first, last := d.lineAt(a), d.lineAt(b)
		if first >= m.top && last < m.top+h {
			return
		}
	}
	m.top = d.lineOf(a) - min(3, h/4) // lineOf may move the window
	m.clamp()
}

// matchesIn returns the index range of the matches that overlap [a, b).
func (s searchState) matchesIn(a, b int) (int, int) {
	i := sort.Search(len(s.matches), func(i int) bool { return s.matches[i][1] > a })
	j := i
	for j < len(s.matches) && s.matches[j][0] < b {
		j++
	}
	return i, j
}
