// Package results is the view of a collection-wide search: matches stream
// in while a progress bar counts the articles scanned.
package results

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/intent"
	"newsbrowse/tui/listnav"
	"newsbrowse/tui/plural"
	"newsbrowse/tui/wrap"
)

// Hit is one article that matched.
type Hit struct {
	Entry   loader.Entry
	Count   int
	Snippet string
	Match   [2]int // the byte range of the match in Snippet
}

// Model is the results view of one search. Its Update hands up
// intent.Open (with the query), Cancel, Back and Help.
type Model struct {
	KeyMap KeyMap

	styles styles.Styles
	cond   *runewidth.Condition

	width, height int
	query         string
	hits          []Hit
	scanned       int
	total         int
	matches       int
	failed        int
	running       bool
	cursor        int
	offset        int
}

var _ intent.Child = (*Model)(nil)

// New returns the view of a search for query over total articles.
func New(st styles.Styles, cond *runewidth.Condition, query string, total int) Model {
	return Model{KeyMap: DefaultKeyMap(), styles: st, cond: cond, query: query, total: total, running: true}
}

// SetStyles changes the colours.
func (m *Model) SetStyles(st styles.Styles) { m.styles = st }

// SetCond makes the results measure text with cond from now on.
func (m *Model) SetCond(cond *runewidth.Condition) { m.cond = cond }

// SetSize sets the area of the view.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.scrollIntoView()
	return nil
}

// Add records progress: scanned articles so far, errors, and new hits.
func (m *Model) Add(scanned, failed int, hits []Hit) {
	m.scanned, m.failed = scanned, failed
	for _, h := range hits {
		m.matches += h.Count
	}
	m.hits = append(m.hits, hits...)
}

// Done marks the search as finished (or cancelled).
func (m *Model) Done() { m.running = false }

// Running reports whether the search is still going.
func (m Model) Running() bool { return m.running }

// Query is the text searched for.
func (m Model) Query() string { return m.query }

// Hits are the matches found so far, in list order.
func (m Model) Hits() []Hit { return m.hits }

// Neighbour returns the hit dir rows away from the article rel (for [
// and ] in a reader opened from the results), and moves the cursor to it.
func (m *Model) Neighbour(rel string, dir int) (Hit, bool) {
	row := -1
	if m.cursor < len(m.hits) && m.hits[m.cursor].Entry.RelPath == rel {
		row = m.cursor
	} else {
		for i, h := range m.hits {
			if h.Entry.RelPath == rel {
				row = i
				break
			}
		}
	}
	if row < 0 || row+dir < 0 || row+dir >= len(m.hits) {
		return Hit{}, false
	}
	m.cursor = row + dir
	m.scrollIntoView()
	return m.hits[m.cursor], true
}

func (m Model) listHeight() int { return max(1, m.height-3) }

func (m *Model) move(n int) {
	m.cursor, m.offset = listnav.Move(m.cursor, m.offset, n, len(m.hits), m.listHeight())
}

func (m *Model) scrollIntoView() {
	m.offset = listnav.Show(m.cursor, m.offset, len(m.hits), m.listHeight())
}

// Update handles a key.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, intent.Intent) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		m.move(listnav.Wheel(msg))
		return nil, nil
	case tea.MouseClickMsg:
		// the hits start below the header and the progress bar
		if row, ok := listnav.Click(msg, 2, m.listHeight(), m.offset, len(m.hits)); ok {
			if row == m.cursor {
				return nil, intent.Open{Entry: m.hits[row].Entry, Query: m.query}
			}
			m.cursor = row
			m.scrollIntoView()
		}
		return nil, nil
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	k := m.KeyMap
	if n, ok := k.Step(kp, m.listHeight(), len(m.hits)); ok {
		m.move(n)
		return nil, nil
	}
	switch {
	case key.Matches(kp, k.Open):
		if m.cursor < len(m.hits) {
			return nil, intent.Open{Entry: m.hits[m.cursor].Entry, Query: m.query}
		}
	case key.Matches(kp, k.Cancel):
		if m.running {
			return nil, intent.Cancel{}
		}
		return nil, intent.Back{}
	case key.Matches(kp, k.Back):
		return nil, intent.Back{}
	case key.Matches(kp, k.Help):
		return nil, intent.Help{}
	}
	return nil, nil
}

// View renders the header, the progress bar, the hits on screen and the
// status line, each exactly m.width wide.
func (m Model) View() string {
	var b strings.Builder
	// the counts stay in sight: a long query gives way
	counts := "  " + plural.N(len(m.hits), "article", "articles") + ", " + plural.N(m.matches, "match", "matches")
	room := m.width - wrap.Width(" search all: “”"+counts, m.cond)
	head := " search all: “" + wrap.Truncate(m.query, max(room, 3), m.cond) + "”" + counts
	b.WriteString(m.styles.Header.Render(wrap.Fit(head, m.width, m.cond)))
	b.WriteByte('\n')
	b.WriteString(m.progress())
	b.WriteByte('\n')
	h := m.listHeight()
	for row := 0; row < h; row++ {
		b.WriteString(m.row(m.offset+row, row))
		b.WriteByte('\n')
	}
	status := " enter open at match · esc stop/back · q back · ? help"
	if m.failed > 0 {
		status = " " + plural.N(m.failed, "article", "articles") + " could not be read"
	}
	b.WriteString(m.styles.Status.Render(wrap.Fit(status, m.width, m.cond)))
	return b.String()
}

// progress is the bar of articles scanned, with the counts after it.
func (m Model) progress() string {
	state := "done"
	if m.running {
		state = "searching"
	} else if m.scanned < m.total {
		state = "stopped"
	}
	label := fmt.Sprintf(" %d/%d %s ", m.scanned, m.total, state)
	lw := wrap.Width(label, m.cond)
	// the block characters are ambiguous width: count them as cond does
	cols := max(0, m.width-lw-1)
	done := cols
	if m.total > 0 {
		done = cols * m.scanned / m.total
	}
	wf, we := max(1, wrap.Width("█", m.cond)), max(1, wrap.Width("░", m.cond))
	nf := done / wf
	ne := (cols - nf*wf) / we
	pad := cols - nf*wf - ne*we
	return " " + m.styles.Progress.Render(strings.Repeat("█", nf)) +
		m.styles.Dim.Render(strings.Repeat("░", ne)) + strings.Repeat(" ", pad) +
		wrap.Fit(label, max(0, m.width-1-cols), m.cond)
}
