// Package library is the list of a collection's articles in prefix order,
// with a filter, marks and, on wide terminals, a preview of the selected
// article. Its View draws only the rows on screen.
package library

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/loader/match"
	"newsbrowse/styles"
	"newsbrowse/tui/intent"
	"newsbrowse/tui/listnav"
	"newsbrowse/tui/prompt"
	"newsbrowse/tui/reader"
	"newsbrowse/tui/wrap"
)

// Model is the library view. Its Update hands up intent.Open, Mark, Pager,
// Editor, SearchAll and Help.
type Model struct {
	KeyMap KeyMap

	styles styles.Styles
	cond   *runewidth.Condition

	width, height int
	path          string
	scanning      bool
	entries       []loader.Entry
	prefixW       int
	dirW          int
	titleW        int  // the widest title
	previewOff    bool // p hid the preview pane

	rows       []int // indices into entries that are shown; nil means all
	cursor     int   // index into the shown rows
	offset     int   // first shown row on screen
	filter     string
	markedOnly bool
	marks      map[string]bool
	isRead     func(rel string) bool // nil: no read state to show
	unread     int                   // articles of entries not read

	filterPrompt prompt.Model
	searchPrompt prompt.Model
	preview      preview
	tails        *tailCache // rows' titles drawn, shared by copies
}

var _ intent.Child = (*Model)(nil)

// New returns a library for the collection at path, still scanning.
func New(st styles.Styles, cond *runewidth.Condition, path string) Model {
	m := Model{
		KeyMap: DefaultKeyMap(), styles: st, cond: cond, path: path, scanning: true,
		filterPrompt: prompt.New("/"), searchPrompt: prompt.New("search all: "),
	}
	m.SetStyles(st)
	return m
}

// SetStyles changes the colours.
func (m *Model) SetStyles(st styles.Styles) {
	m.styles = st
	m.tails = newTailCache()
	m.filterPrompt.SetStyle(st.Prompt.Style, st.Mono)
	m.searchPrompt.SetStyle(st.Prompt.Style, st.Mono)
}

// SetEntries installs the scanned list.
func (m *Model) SetEntries(entries []loader.Entry) {
	m.scanning = false
	m.entries = entries
	m.tails = newTailCache()
	m.measureColumns()
	m.applyFilter()
}

// measureColumns finds the widths of the list's columns.
func (m *Model) measureColumns() {
	m.prefixW, m.dirW, m.titleW = 0, 0, 0
	for _, e := range m.entries {
		m.prefixW = max(m.prefixW, len(e.Prefix))
		m.titleW = max(m.titleW, wrap.Width(e.Title, m.cond))
		if d := e.Dir(); d != "" {
			m.dirW = max(m.dirW, wrap.Width(d, m.cond))
		}
	}
	m.prefixW = min(m.prefixW, 12)
}

// SetCond makes the list measure text with cond from now on (the terminal
// was found to draw ambiguous characters in another width): the columns
// and the preview are measured again.
func (m *Model) SetCond(cond *runewidth.Condition) {
	m.cond = cond
	m.tails = newTailCache()
	m.measureColumns()
	m.preview.rewrap(m.previewWidth(), m.cond)
}

// SetMarks gives the library the current marks (shared, read-only here).
func (m *Model) SetMarks(marks map[string]bool) {
	m.marks = marks
	if m.markedOnly {
		m.applyFilter()
	}
}

// Scanning reports whether the list is still being read.
func (m Model) Scanning() bool { return m.scanning }

// SetRead gives the library what is read (isRead, consulted for the rows
// on screen) and how many of its entries are not.
func (m *Model) SetRead(isRead func(rel string) bool, unread int) {
	m.isRead, m.unread = isRead, unread
}

// NextUnread moves the cursor to the first unread article shown after the
// one at rel (or after the cursor when rel is not shown), going round to
// the top, and returns it.
func (m *Model) NextUnread(rel string) (loader.Entry, bool) {
	n := m.Len()
	if m.isRead == nil || n == 0 {
		return loader.Entry{}, false
	}
	from := m.cursor
	if r, ok := m.rowOf(rel); ok {
		from = r
	}
	for step := 1; step <= n; step++ {
		r := (from + step) % n
		if e := m.entries[m.index(r)]; !m.isRead(e.RelPath) {
			m.cursor = r
			m.scrollIntoView()
			return e, true
		}
	}
	return loader.Entry{}, false
}

// SetHistory gives the collection-search prompt the earlier queries,
// oldest first, for ↑ and ↓.
func (m *Model) SetHistory(queries []string) { m.searchPrompt.SetHistory(queries) }

// SetSize sets the area of the view.
func (m *Model) SetSize(w, h int) tea.Cmd {
	m.width, m.height = w, h
	m.preview.rewrap(m.previewWidth(), m.cond)
	m.scrollIntoView()
	return nil
}

// Len is the number of rows shown.
func (m Model) Len() int {
	if m.rows == nil {
		return len(m.entries)
	}
	return len(m.rows)
}

// Entries is the full list in order.
func (m Model) Entries() []loader.Entry { return m.entries }

// Selected is the article under the cursor.
func (m Model) Selected() (loader.Entry, bool) {
	if m.cursor < 0 || m.cursor >= m.Len() {
		return loader.Entry{}, false
	}
	return m.entries[m.index(m.cursor)], true
}

func (m Model) index(row int) int {
	if m.rows == nil {
		return row
	}
	return m.rows[row]
}

// Neighbour returns the article dir rows away from rel in the shown list
// (for [ and ] in the reader), and moves the cursor to it.
func (m *Model) Neighbour(rel string, dir int) (loader.Entry, bool) {
	row, ok := m.rowOf(rel)
	if !ok {
		return loader.Entry{}, false
	}
	row += dir
	if row < 0 || row >= m.Len() {
		return loader.Entry{}, false
	}
	m.cursor = row
	m.scrollIntoView()
	return m.entries[m.index(row)], true
}

// rowOf is the shown row of the article at rel: the cursor's when it is
// there (the usual case, found at once), else the first that holds it.
func (m Model) rowOf(rel string) (int, bool) {
	if e, ok := m.Selected(); ok && e.RelPath == rel {
		return m.cursor, true
	}
	for r := 0; r < m.Len(); r++ {
		if m.entries[m.index(r)].RelPath == rel {
			return r, true
		}
	}
	return 0, false
}

// Prompting reports whether a prompt holds the keys.
func (m Model) Prompting() bool { return m.filterPrompt.IsOpen() || m.searchPrompt.IsOpen() }

func (m Model) listHeight() int { return max(1, m.height-2) }

func (m *Model) move(n int) {
	m.cursor, m.offset = listnav.Move(m.cursor, m.offset, n, m.Len(), m.listHeight())
}

func (m *Model) scrollIntoView() {
	m.offset = listnav.Show(m.cursor, m.offset, m.Len(), m.listHeight())
}

// applyFilter recomputes the shown rows from the filter and marked-only.
func (m *Model) applyFilter() {
	sel, had := m.Selected()
	if m.filter == "" && !m.markedOnly {
		m.rows = nil
	} else {
		mt := match.New(m.filter)
		rows := make([]int, 0, 64)
		for i, e := range m.entries {
			if m.markedOnly && !m.marks[e.RelPath] {
				continue
			}
			if m.filter != "" && !mt.Match(e.Prefix) && !mt.Match(e.Title) && !mt.Match(e.Dir()) {
				continue
			}
			rows = append(rows, i)
		}
		m.rows = rows
	}
	m.cursor = 0
	if had {
		if r, ok := m.rowOf(sel.RelPath); ok {
			m.cursor = r
		}
	}
	m.offset = 0
	m.scrollIntoView()
}

// Update handles a message for the library.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, intent.Intent) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		m.paste(msg)
	case tea.KeyPressMsg:
		if m.filterPrompt.IsOpen() {
			var ev prompt.Event
			m.filterPrompt, ev = m.filterPrompt.Update(msg)
			switch ev {
			case prompt.Changed, prompt.Submit:
				m.filter = m.filterPrompt.Value()
				m.applyFilter()
			case prompt.Cancel:
				m.filter = ""
				m.applyFilter()
			}
			return nil, nil
		}
		if m.searchPrompt.IsOpen() {
			var ev prompt.Event
			m.searchPrompt, ev = m.searchPrompt.Update(msg)
			if q := m.searchPrompt.Value(); ev == prompt.Submit && q != "" {
				return nil, intent.SearchAll{Query: q}
			}
			return nil, nil
		}
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		if !m.Prompting() {
			m.move(listnav.Wheel(msg))
		}
	case tea.MouseClickMsg:
		return nil, m.click(msg)
	}
	return nil, nil
}

// click selects the row clicked in the list pane, or opens it when it is
// the selected one.
func (m *Model) click(msg tea.MouseClickMsg) intent.Intent {
	if m.Prompting() || msg.X >= m.listWidth() {
		return nil
	}
	row, ok := listnav.Click(msg, 1, m.listHeight(), m.offset, m.Len())
	if !ok {
		return nil
	}
	if row == m.cursor {
		return intent.Open{Entry: m.entries[m.index(row)]}
	}
	m.cursor = row
	m.scrollIntoView()
	return nil
}

func (m *Model) paste(msg tea.PasteMsg) {
	var ev prompt.Event
	switch {
	case m.filterPrompt.IsOpen():
		m.filterPrompt, ev = m.filterPrompt.Paste(msg)
		if ev == prompt.Changed {
			m.filter = m.filterPrompt.Value()
			m.applyFilter()
		}
	case m.searchPrompt.IsOpen():
		m.searchPrompt, _ = m.searchPrompt.Paste(msg)
	}
}

func (m *Model) handleKey(msg tea.KeyPressMsg) (tea.Cmd, intent.Intent) {
	k := m.KeyMap
	sel, ok := m.Selected()
	if n, ok := k.Step(msg, m.listHeight(), m.Len()); ok {
		m.move(n)
		return nil, nil
	}
	switch {
	case key.Matches(msg, k.Open):
		if ok {
			return nil, intent.Open{Entry: sel}
		}
	case key.Matches(msg, k.Filter):
		m.filterPrompt.Open(m.filter)
	case key.Matches(msg, k.Clear):
		if m.filter != "" {
			m.filter = ""
			m.applyFilter()
		}
	case key.Matches(msg, k.SearchAll):
		m.searchPrompt.OpenSelected()
	case key.Matches(msg, k.Mark):
		if ok {
			return nil, intent.Mark{Entry: sel}
		}
	case key.Matches(msg, k.Read):
		if ok {
			return nil, intent.ToggleRead{Entry: sel}
		}
	case key.Matches(msg, k.NextUnread):
		return nil, intent.NextUnread{}
	case key.Matches(msg, k.MarkedOnly):
		m.markedOnly = !m.markedOnly
		m.applyFilter()
	case key.Matches(msg, k.CopyTitle):
		if ok {
			return nil, reader.CopyTitle(sel)
		}
	case key.Matches(msg, k.Pager):
		if ok {
			return nil, intent.Pager{Entry: sel}
		}
	case key.Matches(msg, k.Editor):
		if ok {
			return nil, intent.Editor{Entry: sel}
		}
	case key.Matches(msg, k.Preview):
		m.togglePreview()
	case key.Matches(msg, k.Help):
		return nil, intent.Help{}
	case key.Matches(msg, k.Quit):
		return nil, intent.Quit{}
	}
	return nil, nil
}
