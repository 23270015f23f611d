package library

import (
	"fmt"
	"strings"

	"newsbrowse/loader"
	"newsbrowse/tui/plural"
	"newsbrowse/tui/wrap"
)

// View renders the header, the rows on screen (and the preview pane on wide
// terminals) and the status line; every row is exactly m.width wide.
func (m Model) View() string {
	var b strings.Builder
	lw, pw := m.listWidth(), m.previewWidth()
	h := m.listHeight()
	b.Grow(2 * m.width * (h + 2)) // Chinese titles: 3 bytes for 2 columns, and styles
	b.WriteString(m.header())
	b.WriteByte('\n')
	for row := 0; row < h; row++ {
		b.WriteString(m.listRow(row, lw))
		if pw > 0 {
			b.WriteString(m.styles.Border.Render(border))
			b.WriteString(m.previewRow(row, pw))
		}
		b.WriteByte('\n')
	}
	b.WriteString(m.statusLine())
	return b.String()
}

func (m Model) header() string {
	// what the list holds matters more than where it lives: the path gives
	// way first (cut from the left, keeping its end), then the name
	facts := "scanning…"
	if !m.scanning {
		facts = plural.N(len(m.entries), "article", "articles")
		if m.isRead != nil {
			facts += ", " + plural.Thousands(m.unread) + " unread"
		}
		if m.rows != nil {
			facts += fmt.Sprintf(", %d shown", len(m.rows))
		}
	}
	if m.filter != "" {
		facts += "  filter: " + m.filter
	}
	if m.markedOnly {
		facts += "  [marked only]"
	}
	const name, minPath = "newsbrowse  ", 12        // name is ASCII: len is its width
	room := m.width - 3 - wrap.Width(facts, m.cond) // " " path "  " facts
	text := " " + facts
	switch {
	case room-len(name) >= min(minPath, wrap.Width(m.path, m.cond)):
		text = " " + name + m.shortPath(room-len(name)) + "  " + facts
	case room >= minPath:
		text = " " + m.shortPath(room) + "  " + facts
	}
	return m.styles.Header.Render(wrap.Fit(text, m.width, m.cond))
}

// shortPath is the collection's path in at most w columns: when it must be
// cut, it keeps whole trailing components after "…" where one fits.
func (m Model) shortPath(w int) string {
	t := wrap.TruncateLeft(m.path, w, m.cond)
	if t == m.path {
		return t
	}
	body := strings.TrimPrefix(t, "…")
	if strings.HasSuffix(m.path[:len(m.path)-len(body)], "/") {
		return t // the cut fell between components
	}
	if i := strings.IndexByte(body, '/'); i > 0 && i < len(body)-1 {
		return "…" + body[i:]
	}
	return t
}

// listRow renders screen row `row` of the list in w columns.
func (m Model) listRow(row, w int) string {
	i := m.offset + row
	if i >= m.Len() {
		if row == 0 {
			return m.styles.Dim.Render(wrap.Fit(m.emptyText(), w, m.cond))
		}
		return strings.Repeat(" ", w)
	}
	e := m.entries[m.index(i)]
	mark := " "
	if m.marks[e.RelPath] {
		mark = "*"
	}
	if m.isRead != nil { // a column of its own once the read state is known
		if m.isRead(e.RelPath) {
			mark += "  "
		} else {
			mark += unreadSymbol + " "
		}
	}
	if i == m.cursor {
		mark = ">" + mark
	} else {
		mark = " " + mark
	}
	prefix := wrap.Truncate(e.Prefix, m.prefixW, m.cond)
	prefix = strings.Repeat(" ", max(0, m.prefixW-wrap.Width(prefix, m.cond))) + prefix
	dirW := 0
	if m.dirW > 0 {
		dirW = min(m.dirW, w/4)
	}
	titleW := w - len(mark) - m.prefixW - 1
	if dirW > 0 {
		titleW -= dirW + 1
	}
	if titleW < 1 {
		// too narrow for columns: one plain cut line
		line := wrap.Fit(mark+prefix+" "+e.Title, w, m.cond)
		if i == m.cursor {
			return m.styles.Selected.Render(line)
		}
		return line
	}
	// The selection's colours cover the marker and number columns only:
	// moving it rewrites those two short spans and leaves both titles on
	// screen as they are (a title is most of a row's bytes).
	gutter := m.styles.Mark.Render(mark) + m.styles.Prefix.Render(prefix)
	if i == m.cursor {
		gutter = m.styles.Selected.Render(mark + prefix)
	}
	return gutter + m.tails.get(m.index(i), titleW, dirW, m.cond, func() string { return m.tail(e, titleW, dirW) })
}

// tail is the part of an entry's row after its gutter: the title column
// and the folder column, if any, in titleW and dirW columns.
func (m Model) tail(e loader.Entry, titleW, dirW int) string {
	if dirW > 0 {
		title := wrap.Fit(e.Title, titleW, m.cond)
		dir := " " + wrap.Fit(e.Dir(), dirW, m.cond)
		return " " + m.styles.Title.Render(title) + m.styles.Dir.Render(dir)
	}
	// Without a folder column, the rest of the row after the title is
	// plain blank, which the painter erases instead of writing spaces.
	title := wrap.Truncate(e.Title, titleW, m.cond)
	pad := strings.Repeat(" ", max(0, titleW-wrap.Width(title, m.cond)))
	return " " + m.styles.Title.Render(title) + pad
}

// unreadSymbol flags an unread article in its row: a letter, so that it
// shows without colour (NO_COLOR), as newsreaders do.
const unreadSymbol = "N"

func (m Model) emptyText() string {
	switch {
	case m.scanning:
		return " Scanning " + m.path + "…"
	case len(m.entries) == 0:
		return " No articles here: this folder holds no .txt files."
	case m.markedOnly && m.filter == "":
		return " No marked articles. Press m on an article to mark it, M to show all."
	default:
		return " No article matches “" + m.filter + "”. Press esc to clear the filter."
	}
}

// previewRow renders row `row` of the preview pane in w columns. While
// the selected article is read, the pane keeps the article it shows, as
// long as the list does not scroll: a held key does not blank and repaint
// it for every row it passes, and the next article rewrites only the rows
// that differ. Once the list scrolls, the pane is blank until the article
// comes: the list's rows then move in the terminal (a scroll moves whole
// rows, so the pane beside them must be alike).
func (m Model) previewRow(row, w int) string {
	p := m.preview
	sel, ok := m.Selected()
	blank := strings.Repeat(" ", w)
	if !ok {
		return blank
	}
	if p.rel != sel.RelPath {
		switch {
		case p.rel != "" && p.offset != m.offset:
			return blank
		case p.err != "" || p.blocks == nil:
			if row == 0 {
				return m.styles.Dim.Render(wrap.Fit("loading…", w, m.cond))
			}
			return blank
		}
	}
	switch {
	case p.err != "":
		if row == 0 {
			return m.styles.Dim.Render(wrap.Fit(p.err, w, m.cond))
		}
	case row < len(p.lines):
		l := p.lines[row]
		st := m.styles.Body
		switch l.Kind {
		case loader.Heading:
			st = m.styles.Heading
		case loader.Image:
			st = m.styles.Image
		}
		return st.Render(l.Text) + strings.Repeat(" ", max(0, w-wrap.Width(l.Text, m.cond)))
	}
	return blank
}

func (m Model) statusLine() string {
	switch {
	case m.filterPrompt.IsOpen():
		return m.filterPrompt.View(m.width, m.cond)
	case m.searchPrompt.IsOpen():
		return m.searchPrompt.View(m.width, m.cond)
	}
	pos := ""
	if n := m.Len(); n > 0 {
		pos = fmt.Sprintf(" %d/%d ", m.cursor+1, n)
	}
	pw := wrap.Width(pos, m.cond)
	left := " enter open · / filter · F search all · m mark · ? help · q quit"
	// The position changes at every move: drawn in the terminal's own
	// colours, as less draws its prompt (and the reader its position), a
	// move rewrites its changed digits alone, without colours before them
	// and a reset after.
	return m.styles.Status.Render(wrap.Fit(left, max(0, m.width-pw), m.cond)) + pos
}
