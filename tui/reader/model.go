// Package reader is the article view: the cleaned text wrapped to the
// terminal, scrolled by line and page, searched in place, and toggled to the
// raw source. Its View renders only the rows on screen.
package reader

import (
	"io/fs"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/mattn/go-runewidth"

	"newsbrowse/loader"
	"newsbrowse/styles"
	"newsbrowse/tui/intent"
	"newsbrowse/tui/listnav"
	"newsbrowse/tui/prompt"
)

// rawMsg carries the decoded source of an article for the source view.
type rawMsg struct {
	rel  string
	text string
	err  error
}

// Model is the reader. The zero value is not usable: call New. Its Update
// hands up intent.Back, Step, Mark, Pager, Editor and Help.
type Model struct {
	KeyMap KeyMap

	styles  styles.Styles
	cond    *runewidth.Condition
	measure int

	width, height int

	fsys    fs.FS
	entry   loader.Entry
	marked  bool
	doc     document // the cleaned article
	src     document // the raw source, once loaded
	showSrc bool

	top         int     // index of the first line on screen, in the window of the document's lines
	frac        float64 // position to restore when the source view arrives
	anchorOff   int     // flat offset to bring back to the top after a layout (-1: none)
	kept        [2]int  // the offset the last layout brought back and the start of its line (see topOffset)
	jumpPending bool    // jump to the first match once found
	search      searchState
	prompt      prompt.Model
	notice      string
	partial     bool    // the article is the first part of a huge one (loader.Article.Part, see Replace)
	wantPos     *[2]int // a position beyond the first part, for Replace
}

var _ intent.Child = (*Model)(nil)

// New returns an empty reader that wraps text to at most measure columns.
func New(st styles.Styles, cond *runewidth.Condition, measure int) Model {
	if measure <= 0 {
		measure = 80
	}
	p := prompt.New("/")
	p.SetStyle(st.Prompt.Style, st.Mono)
	return Model{KeyMap: DefaultKeyMap(), styles: st, cond: cond, measure: measure, prompt: p, anchorOff: -1, kept: [2]int{-1, -1}}
}

// SetStyles changes the colours (the background answer came in).
func (m *Model) SetStyles(st styles.Styles) {
	m.styles = st
	m.prompt.SetStyle(st.Prompt.Style, st.Mono)
}

// SetSize sets the reader's area; the text is laid out again and the line
// that was at the top of the screen stays on screen. A huge article is laid
// out around the screen at once, and as a whole by a command.
func (m *Model) SetSize(width, height int) tea.Cmd {
	if width == m.width && height == m.height {
		return nil
	}
	if m.anchorOff < 0 {
		m.anchorOff = m.topOffset()
	}
	m.width, m.height = width, height
	cmd := m.relayout()
	m.settle()
	return cmd
}

// SetCond makes the reader measure text with cond from now on (the
// terminal was found to draw ambiguous characters in another width): the
// text is laid out again and the line at the top of the screen stays there.
func (m *Model) SetCond(cond *runewidth.Condition) tea.Cmd {
	if cond == m.cond {
		return nil
	}
	if m.anchorOff < 0 {
		m.anchorOff = m.topOffset()
	}
	m.cond = cond
	cmd := m.relayout()
	m.settle()
	return cmd
}

// settle puts the remembered top line back and makes the pending jump.
func (m *Model) settle() {
	d := m.active()
	if d.width != m.textWidth() {
		m.clamp()
		return
	}
	kept := -1
	if m.anchorOff >= 0 {
		m.top = d.lineOf(m.anchorOff)
		kept, m.anchorOff = m.anchorOff, -1
	}
	if m.jumpPending {
		m.jumpPending = false
		m.jumpFrom(0)
	}
	m.clamp()
	m.kept = [2]int{kept, -1}
	if kept >= 0 && !m.showSrc {
		m.kept[1] = m.anchor()
	}
}

// topOffset is the flat offset of the text at the top of the screen: the
// one the last layout brought back (kept[0]) while the line it put at the
// top (starting at kept[1]) is still there, else the start of the first
// line. Laid out at one width and back, the text then does not move: the
// line that held the offset at the width between may start before it.
func (m Model) topOffset() int {
	off := m.anchor()
	if m.kept[0] >= 0 && !m.showSrc && off == m.kept[1] {
		return m.kept[0]
	}
	return off
}

// Open shows an article; query, when not empty, is searched at once and the
// first match is brought into view.
func (m *Model) Open(fsys fs.FS, a loader.Article, marked bool, query string) tea.Cmd {
	m.fsys = fsys
	m.entry = a.Entry
	m.marked = marked
	m.doc = newDocument(a.Flat(), a.Blocks, false)
	m.doc.lazy = a.Part // soon replaced: only what is shown is laid out
	m.src = document{}
	m.showSrc = false
	m.top, m.anchorOff, m.kept = 0, -1, [2]int{-1, -1}
	m.notice = ""
	m.partial, m.wantPos = a.Part, nil
	m.prompt.Close()
	m.search = searchState{}
	var find tea.Cmd
	if query != "" {
		find = m.setQuery(query)
		m.jumpPending = true
	}
	cmd := m.relayout()
	m.settle()
	return tea.Batch(cmd, find)
}

// Entry is the article on screen.
func (m Model) Entry() loader.Entry { return m.entry }

// SetMarked updates the mark shown in the status line.
func (m *Model) SetMarked(on bool) { m.marked = on }

// Searching reports whether the search prompt holds the keys.
func (m Model) Searching() bool { return m.prompt.IsOpen() }

// Query is the active search text.
func (m Model) Query() string { return m.search.query }

// active is the document on screen, to change in place: only methods on
// *Model call it (a value receiver's copy would take the change and drop
// it; TestActiveOnlyOnPointerReceivers checks). Value receivers read
// shown.
func (m *Model) active() *document {
	if m.showSrc {
		return &m.src
	}
	return &m.doc
}

// shown is a copy of the document on screen, for reading.
func (m Model) shown() document {
	if m.showSrc {
		return m.src
	}
	return m.doc
}

func (m Model) bodyHeight() int { return max(1, m.height-1) }

func (m Model) textWidth() int { return max(1, min(m.width-2, m.measure)) }

// relayout lays out the cleaned text and, once loaded, the source for
// the current width, keeping the top line's offset (anchorOff when set).
func (m *Model) relayout() tea.Cmd {
	w := m.textWidth()
	off := m.anchorOff
	if off < 0 {
		off = m.topOffset()
	}
	var cmds [2]tea.Cmd
	for i, d := range []*document{&m.doc, &m.src} {
		line, cmd := d.relayout(m.entry.RelPath, w, m.cond, off)
		cmds[i] = cmd
		if d == m.active() {
			m.top = line
		}
	}
	return tea.Batch(cmds[:]...)
}

// anchor is the flat-text offset of the first line on screen.
func (m Model) anchor() int {
	d := m.shown()
	return d.offsetOf(m.top)
}

// clamp keeps the screen inside the text, laying out the paragraphs
// around it that a huge document needs.
func (m *Model) clamp() {
	d, h := m.active(), m.bodyHeight()
	if d.atEnd() {
		m.top = min(m.top, len(d.lines)-h)
	}
	m.top += d.grow(m.top, h)
	if d.atEnd() {
		m.top = min(m.top, len(d.lines)-h)
	}
	m.top = max(0, min(m.top, len(d.lines)-1))
}

// goTo puts the line that holds flat offset off at the top.
func (m *Model) goTo(off int) {
	m.top = m.active().lineOf(off)
	m.clamp()
}

func (m *Model) scroll(n int) {
	m.top += n
	m.clamp()
}

// Update handles keys and the reader's own messages.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, intent.Intent) {
	switch msg := msg.(type) {
	case rawMsg:
		if msg.rel != m.entry.RelPath {
			return nil, nil
		}
		if msg.err != nil {
			m.notice = msg.err.Error()
			m.showSrc = false
			return nil, nil
		}
		m.src = newRawDocument(msg.text)
		off := int(m.frac * float64(len(m.src.flat)))
		line, cmd := m.src.relayout(m.entry.RelPath, m.textWidth(), m.cond, off)
		find := m.findAll()
		m.top = line
		m.clamp()
		return tea.Batch(cmd, find), nil
	case searchedMsg:
		m.searched(msg)
		return nil, nil
	case laidOutMsg:
		d := &m.doc
		if msg.raw {
			d = &m.src
		}
		if msg.rel != m.entry.RelPath || !d.loaded {
			return nil, nil
		}
		off := d.offsetOf(m.top)
		if line, ok := d.adopt(msg, off); ok && d == m.active() {
			m.top = line
			m.settle()
		}
		return nil, nil
	case tea.PasteMsg:
		if m.prompt.IsOpen() {
			var ev prompt.Event
			m.prompt, ev = m.prompt.Paste(msg)
			return m.promptEvent(ev), nil
		}
		return nil, nil
	case tea.KeyPressMsg:
		if m.prompt.IsOpen() {
			var ev prompt.Event
			m.prompt, ev = m.prompt.Update(msg)
			return m.promptEvent(ev), nil
		}
		return m.handleKey(msg)
	case tea.MouseWheelMsg:
		m.scroll(listnav.Wheel(msg))
	}
	return nil, nil
}

func (m *Model) handleKey(msg tea.KeyPressMsg) (tea.Cmd, intent.Intent) {
	k := m.KeyMap
	page := m.bodyHeight()
	m.wantPos = nil // the reader moved on
	m.notice = ""
	switch {
	case key.Matches(msg, k.Down):
		m.scroll(1)
	case key.Matches(msg, k.Up):
		m.scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.scroll(page)
	case key.Matches(msg, k.PageUp):
		m.scroll(-page)
	case key.Matches(msg, k.HalfDown):
		m.scroll(max(1, page/2))
	case key.Matches(msg, k.HalfUp):
		m.scroll(-max(1, page/2))
	case key.Matches(msg, k.Top):
		m.goTo(0)
		m.top = 0
	case key.Matches(msg, k.Bottom):
		m.goTo(len(m.active().flat))
		m.top = len(m.active().lines)
		m.clamp()
	case key.Matches(msg, k.Search):
		m.search.saved = m.search.query
		m.search.savedOff = m.anchor()
		m.prompt.Open("")
	case key.Matches(msg, k.NextHit):
		m.step(1)
	case key.Matches(msg, k.PrevHit):
		m.step(-1)
	case key.Matches(msg, k.Esc):
		if m.search.query != "" {
			m.search = searchState{}
			return nil, nil
		}
		return nil, intent.Back{}
	case key.Matches(msg, k.Back):
		return nil, intent.Back{}
	case key.Matches(msg, k.Prev):
		return nil, intent.Step{Dir: -1}
	case key.Matches(msg, k.Next):
		return nil, intent.Step{Dir: 1}
	case key.Matches(msg, k.NextUnread):
		return nil, intent.NextUnread{}
	case key.Matches(msg, k.Source):
		return m.toggleSource(), nil
	case key.Matches(msg, k.Mark):
		return nil, intent.Mark{Entry: m.entry}
	case key.Matches(msg, k.Copy):
		return nil, m.copyText()
	case key.Matches(msg, k.CopyTitle):
		return nil, CopyTitle(m.entry)
	case key.Matches(msg, k.Pager):
		return nil, intent.Pager{Entry: m.entry}
	case key.Matches(msg, k.Editor):
		return nil, intent.Editor{Entry: m.entry}
	case key.Matches(msg, k.Help):
		return nil, intent.Help{}
	}
	return nil, nil
}

// toggleSource switches between the cleaned text and the raw source,
// keeping the relative position (their offsets do not correspond).
func (m *Model) toggleSource() tea.Cmd {
	if n := len(m.active().flat); n > 0 {
		m.frac = float64(m.anchor()) / float64(n)
	}
	m.showSrc = !m.showSrc
	if m.showSrc && !m.src.loaded {
		fsys, e := m.fsys, m.entry
		return func() tea.Msg {
			text, err := loader.LoadRaw(fsys, e)
			return rawMsg{rel: e.RelPath, text: text, err: err}
		}
	}
	find := m.findAll()
	m.goTo(int(m.frac * float64(len(m.active().flat))))
	return find
}
