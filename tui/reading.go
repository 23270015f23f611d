package tui

import (
	tea "charm.land/bubbletea/v2"

	"newsbrowse/loader"
	"newsbrowse/loader/marks"
	"newsbrowse/loader/readstate"
)

// toggleMark flips a mark. Before the stored marks are in, the change
// waits for them: saving it alone would lose the others.
func (m Model) toggleMark(e loader.Entry) (Model, tea.Cmd) {
	rel := e.RelPath
	if !m.store.loaded {
		m.store.waiting = append(m.store.waiting, pending{pendMark, rel})
		m.status = "marks are loading: " + loader.DisplayPath(rel) + " changes once they are in"
		return m, nil
	}
	on := !m.marks[rel]
	m.setMark(rel, on)
	if on {
		m.status = "marked " + loader.DisplayPath(rel)
	} else {
		m.status = "unmarked " + loader.DisplayPath(rel)
	}
	if !m.store.kept() {
		m.status += " — marks cannot be kept after quitting: " + m.store.why
	}
	return m, m.flush()
}

// setMark marks rel or not, in a new map (the old one may be shared), and
// queues the change.
func (m *Model) setMark(rel string, on bool) {
	next := make(map[string]bool, len(m.marks)+1)
	for k, v := range m.marks {
		if v {
			next[k] = true
		}
	}
	if on {
		next[rel] = true
	} else {
		delete(next, rel)
	}
	m.marks = next
	m.lib.SetMarks(next)
	if m.rdr.Entry().RelPath == rel {
		m.rdr.SetMarked(on)
	}
	if m.store.kept() {
		m.store.markOps = append(m.store.markOps, marks.Op{Rel: rel, On: on})
	}
}

// toggleRead marks an article read, or unread again.
func (m Model) toggleRead(e loader.Entry) (Model, tea.Cmd) {
	rel := e.RelPath
	if !m.store.loaded {
		m.store.waiting = append(m.store.waiting, pending{pendRead, rel})
		m.status = "read state is loading: " + loader.DisplayPath(rel) + " changes once it is in"
		return m, nil
	}
	on := !m.read.IsRead(rel)
	m.setRead(rel, on)
	if on {
		m.status = "read " + loader.DisplayPath(rel)
	} else {
		m.status = "unread " + loader.DisplayPath(rel)
	}
	if !m.store.kept() {
		m.status += " — read state cannot be kept after quitting: " + m.store.why
	}
	return m, m.flush()
}

// setRead marks rel read or unread and queues the change.
func (m *Model) setRead(rel string, on bool) {
	if m.read.IsRead(rel) == on {
		return
	}
	kind := readstate.MarkRead
	if !on {
		kind = readstate.MarkUnread
	}
	op := readstate.Op{Kind: kind, Key: readstate.KeyOf(rel)}
	m.read.Apply(op)
	if m.resumed {
		if on {
			m.unread--
		} else {
			m.unread++
		}
		m.lib.SetRead(m.read.IsRead, m.unread)
	}
	if m.store.kept() {
		m.store.readOps = append(m.store.readOps, op)
	}
}

// opened records that the article on screen was opened: it is read, and
// it is the article to come back to.
func (m *Model) opened(rel string) {
	m.setRead(rel, true)
	m.keepPosition(rel)
}

// leaving records where the reader stands before it shows something else.
func (m *Model) leaving() {
	if rel := m.rdr.Entry().RelPath; rel != "" && m.store.loaded {
		m.keepPosition(rel)
	}
}

func (m *Model) keepPosition(rel string) {
	para, off := m.rdr.Position()
	op := readstate.Op{Kind: readstate.SetPosition, Key: readstate.KeyOf(rel), Pos: readstate.Position{Para: para, Offset: off}}
	m.read.Apply(op)
	if m.store.kept() {
		m.store.readOps = append(m.store.readOps, op)
	}
}

// keysMsg holds the read-state key of every article of the list, in order.
type keysMsg struct{ keys []readstate.Key }

// resume, once both the list and the read state are in, has the keys of
// the articles computed away from the screen's loop (a hash per article:
// a moment for 100,000), then keysReady counts the unread ones and puts the
// selection back.
func (m *Model) resume() tea.Cmd {
	if m.keying || m.resumed || !m.store.loaded || m.lib.Scanning() {
		return nil
	}
	m.keying = true
	entries := m.lib.Entries()
	return func() tea.Msg {
		keys := make([]readstate.Key, len(entries))
		for i, e := range entries {
			keys[i] = readstate.KeyOf(e.RelPath)
		}
		return keysMsg{keys}
	}
}

// keysReady counts the unread articles and puts the selection on the
// article opened last, unless it was moved already.
func (m Model) keysReady(msg keysMsg) (Model, tea.Cmd) {
	entries := m.lib.Entries()
	if len(msg.keys) != len(entries) {
		return m, nil
	}
	m.keying, m.resumed = false, true
	last, hasLast := m.read.Last()
	lastRel := ""
	m.unread = 0
	for i, k := range msg.keys {
		if !m.read.IsReadKey(k) {
			m.unread++
		}
		if hasLast && k == last {
			lastRel = entries[i].RelPath
		}
	}
	m.lib.SetRead(m.read.IsRead, m.unread)
	before, ok := m.lib.Selected()
	if lastRel == "" || m.cfg.Single != nil || !ok || len(entries) == 0 || before.RelPath != entries[0].RelPath {
		return m, nil
	}
	m.lib.Neighbour(lastRel, 0)
	return m, m.selectionMoved(before)
}

// showPosition brings the reader back to where it stood in the article
// the last time, unless a search match is to be shown.
func (m *Model) showPosition(rel, query string) {
	if query != "" {
		return
	}
	if pos, ok := m.read.Position(rel); ok {
		m.rdr.SetPosition(pos.Para, pos.Offset)
	}
}

// nextUnread goes to the next article not read: in the library it is
// selected, from the reader it is opened.
func (m Model) nextUnread() (Model, tea.Cmd) {
	if !m.resumed || m.cfg.Single != nil {
		m.status = "no list of articles to go through yet"
		return m, nil
	}
	if m.state == stateReader {
		e, ok := m.lib.NextUnread(m.rdr.Entry().RelPath)
		if !ok {
			m.status = "no unread articles left"
			return m, nil
		}
		return m, m.open(e, "")
	}
	sel, _ := m.lib.Selected()
	if _, ok := m.lib.NextUnread(sel.RelPath); !ok {
		m.status = "no unread articles left"
	}
	return m, m.selectionChanged(sel)
}
